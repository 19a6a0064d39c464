// Practice page entry (practice.html): every pair on one page, on the background client.
import '../../utils/zod-jitless';
import { browser } from 'wxt/browser';
import { PracticePage } from '../../components/practice/PracticePage';
import { downloadFile } from '../../components/report/download';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';
import { readChecklistState, watchChecklist } from '../../utils/store/checklist-records';
import '../../components/ui/theme.css';
import '../../components/practice/practice.css';

const pair = (pairId: string) => encodeURIComponent(pairId);

mountPage(
  <PracticePage
    client={pageClient}
    checklists={{ read: readChecklistState, watch: watchChecklist }}
    links={{
      report: (pairId) => browser.runtime.getURL(`/report.html?pair=${pair(pairId)}`),
      checklist: (pairId) => browser.runtime.getURL(`/popup.html?pair=${pair(pairId)}`),
      setUp: browser.runtime.getURL('/welcome.html'),
    }}
    now={() => new Date()}
    download={downloadFile}
  />,
);
