import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared styles before the app: each screen's and component's own CSS, imported with it,
// then follows them in the bundle.
import './styles/index.css';
import { App } from './App';

// A long press must not open a browser menu on a public touchscreen.
document.addEventListener('contextmenu', (event) => event.preventDefault());

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
