// Popup entry: mounts the onboarding checklist on the background client and the shared checklist store.
import '../../utils/zod-jitless';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/checklist/PopupApp';
import { activeAppTab } from '../../components/ui/active-tab-host';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';
import { browserSiteAccess } from '../../utils/net/site-access';
import { getChecklistStore } from '../../utils/store/checklist';
import '../../components/ui/theme.css';
import '../../components/checklist/checklist.css';

void activeAppTab().then((tab) =>
  mountPage(
    <PopupApp
      client={pageClient}
      checklist={getChecklistStore()}
      activeHost={tab?.host}
      activeTabId={tab?.tabId}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openWelcome={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })}
      initialPairId={new URLSearchParams(location.search).get('pair') ?? undefined}
      siteAccess={browserSiteAccess()}
      reportUrl={(pairId) => browser.runtime.getURL(`/report.html?pair=${encodeURIComponent(pairId)}`)}
    />,
  ),
);
