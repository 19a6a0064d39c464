import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders an extension page's app into its `#root` (each page's index.html has one). */
export function mountPage(app: ReactElement): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
