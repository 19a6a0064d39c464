// Report page entry (report.html?pair=<pairId>): mounts the report on the background client.
import '../../utils/zod-jitless';
import { downloadFile } from '../../components/report/download';
import { ReportPage } from '../../components/report/ReportPage';
import { pageClient } from '../../components/ui/client';
import { mountPage } from '../../components/ui/mount-page';
import { getChecklistStore } from '../../utils/store/checklist';
import '../../components/ui/theme.css';
import '../../components/report/report.css';

mountPage(
  <ReportPage
    client={pageClient}
    pairId={new URLSearchParams(location.search).get('pair') ?? undefined}
    now={() => new Date()}
    download={downloadFile}
    checklist={getChecklistStore()}
    browserLocales={navigator.languages}
    print={() => window.print()}
    history={async (pairId) => (await pageClient.getHistory({ pairId })).history}
  />,
);
