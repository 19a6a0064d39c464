// Welcome page entry (opened by the background on install): mounts the guided set-up on the background client, with
// its draft of typed-but-unsaved inputs in session storage (gone when the browser closes; never holds a secret).
import '../../utils/zod-jitless';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import '../../components/ui/theme.css';
import '../../components/welcome/welcome.css';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';
import { WelcomeApp, type DraftStorage } from '../../components/welcome/WelcomeApp';
import { browserSiteAccess } from '../../utils/net/site-access';

const draftSchema = z.record(z.string().max(60), z.string().max(500));
const draftItem = storage.defineItem<Record<string, string>>('session:welcomeDraft', { fallback: {} });
const drafts: DraftStorage = {
  load: async () => draftSchema.catch({}).parse(await draftItem.getValue()),
  save: (values) => draftItem.setValue(values),
};

mountPage(
  <WelcomeApp
    client={pageClient}
    drafts={drafts}
    siteAccess={browserSiteAccess()}
    links={{
      reportUrl: (pairId) => browser.runtime.getURL(`/report.html?pair=${encodeURIComponent(pairId)}`),
      checklistUrl: browser.runtime.getURL('/popup.html'),
      optionsUrl: browser.runtime.getURL('/options.html'),
    }}
  />,
);
