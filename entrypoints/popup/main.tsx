// Popup entry: wires the onboarding checklist to the background client and the shared checklist store.
import '../../utils/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/checklist/PopupApp';
import { backgroundClient } from '../../components/ui/client';
import { getChecklistStore } from '../../utils/store/checklist';
import { APP_ORIGINS } from '../../utils/apps';
import '../../components/ui/theme.css';
import '../../components/checklist/checklist.css';

async function activeHost(): Promise<'cin7' | 'xero' | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  if (!tab?.url) return undefined;
  const origin = new URL(tab.url).origin;
  return (Object.keys(APP_ORIGINS) as ('cin7' | 'xero')[]).find((app) => APP_ORIGINS[app] === origin);
}

async function start() {
  const root = document.getElementById('root');
  if (!root) return;
  const host = await activeHost();
  createRoot(root).render(
    <StrictMode>
      <PopupApp
        client={backgroundClient}
        checklist={getChecklistStore()}
        activeHost={host}
        openOptions={() => void browser.runtime.openOptionsPage()}
        reportUrl={(pairId) => browser.runtime.getURL(`/report.html?pair=${encodeURIComponent(pairId)}`)}
      />
    </StrictMode>,
  );
}

void start();
