// Report page entry (report.html?pair=<pairId>): wires the report to the background client.
import '../../utils/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportPage } from '../../components/report/ReportPage';
import { backgroundClient } from '../../components/ui/client';
import '../../components/ui/theme.css';
import '../../components/report/report.css';

function download(fileName: string, mimeType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const root = document.getElementById('root');
const pairId = new URLSearchParams(location.search).get('pair') ?? undefined;
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ReportPage
        client={backgroundClient}
        pairId={pairId}
        now={() => new Date()}
        download={download}
        print={() => window.print()}
      />
    </StrictMode>,
  );
}
