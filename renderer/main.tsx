// First: the calls the first screen needs leave before React even loads its tree (renderer/first-calls.ts). A bare
// import, so that sorting the imports below can never move it after React's.
import './first-calls.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { firstCardSettled, koreanFontLoaded } from './first-calls.ts';
import './fonts.css';
import './styles.css';
import './highlight.css';

/**
 * The first render waits a moment for the early card: the core usually answers while this bundle is still being
 * evaluated, and Review then draws the app and its first card in one render and one layout, instead of the app,
 * a "loading" line, and the card a frame or two later. It waits for the Korean font too (first-calls.ts), so that
 * layout is drawn with it. A slow core (a large database's daily check) or font gets FIRST_CARD_WAIT_MS, then the
 * app renders and the rest follows as before.
 */
const FIRST_CARD_WAIT_MS = 250;
Promise.race([
  Promise.all([firstCardSettled, koreanFontLoaded]),
  new Promise((ok) => setTimeout(ok, FIRST_CARD_WAIT_MS)),
]).then(() => {
  performance.mark('kubedeck:first-render');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
