import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './debug-handle';
import { installExternalLinkGuard } from './external-links';
import { ExternalLinkDialog } from './components/ExternalLinkDialog';

installExternalLinkGuard();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <ExternalLinkDialog />
  </StrictMode>,
);
