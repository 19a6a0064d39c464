// Options page entry: mounts the options app on the background client, with the note an update left (if any).
import '../../utils/zod-jitless';
import { browser } from 'wxt/browser';
import '../../components/ui/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';
import { browserSiteAccess } from '../../utils/net/site-access';
import { dismissWhatsNew, readWhatsNew, type WhatsNew } from '../../utils/store/whats-new';

const welcomeUrl = browser.runtime.getURL('/welcome.html');
const mount = (whatsNew: WhatsNew | null) =>
  mountPage(
    <OptionsApp
      client={pageClient}
      welcomeUrl={welcomeUrl}
      whatsNew={whatsNew}
      onDismissWhatsNew={() => void dismissWhatsNew().catch(() => undefined)}
      siteAccess={browserSiteAccess()}
      notificationPermission={{ request: () => browser.permissions.request({ permissions: ['notifications'] }) }}
    />,
  );
void readWhatsNew().then(mount, () => mount(null));
