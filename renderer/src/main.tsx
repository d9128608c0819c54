/** Renderer entry: mounts the app; styles are CSS files (the CSP allows no inline <style>). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/layout.css';
import './styles/grid.css';
import './styles/dialog.css';
import './styles/integrity.css';
import './styles/custody.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
