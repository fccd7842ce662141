// Runs in the renderer. Every window starts the same way: the shared styles, then its own root component.
import './base.css';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

export function mount(App: ComponentType) {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
