import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './providers/AppProviders';
import { createRouter } from './router';
import '../styles/global.css';

// The start page's chunk is fetched at once, in parallel with the router's start (it is still its own chunk).
if (window.location.pathname === '/') void import('./routes/MapPage');

const router = createRouter();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
