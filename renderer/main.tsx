// First: the calls the first screen needs leave before React even loads its tree (renderer/first-calls.ts).
import './first-calls.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './fonts.css';
import './styles.css';
import './highlight.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
