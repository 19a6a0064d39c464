// Options page entry: mounts the options app on the background client.
import '../../utils/zod-jitless';
import '../../components/ui/theme.css';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';

mountPage(
  <OptionsApp client={pageClient} notificationPermission={{ request: () => browser.permissions.request({ permissions: ['notifications'] }) }} />,
);
