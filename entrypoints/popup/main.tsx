import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Popup() {
  return <h1>Mapping Guard</h1>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Popup /></StrictMode>);
