import '../../utils/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/ui/theme.css';
import { backgroundClient } from '../../components/ui/client';
import { backgroundConnections } from './connections-client';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OptionsApp connectionsClient={backgroundConnections} client={backgroundClient} />
    </StrictMode>,
  );
}
