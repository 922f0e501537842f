import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { setApiLang } from './api/client.ts';
import { ShortcutsHelp } from './components/ShortcutsHelp.tsx';
import { useDesktopEvents } from './desktop.ts';
import { firstSettings } from './first-calls.ts';
import { initialLang, type Lang, LangContext, type StringKey, translator } from './i18n/index.ts';
import { type Screen, screenFromHash } from './screen-from-hash.ts';
import { offerPick, readDrop } from './screens/import-pick.ts';
import { ReviewScreen } from './screens/Review.tsx';
import { useTheme } from './theme.ts';

// Screens off the first-card path load when opened: the YAML editor alone is most of the bundle, and the
// charts (uPlot), the deck tree and the settings panels are code a cold start to the first card does not need.
const DecksScreen = lazy(() => import('./screens/Decks.tsx').then((m) => ({ default: m.DecksScreen })));
const SettingsScreen = lazy(() =>
  import('./screens/Settings.tsx').then((m) => ({ default: m.SettingsScreen })),
);
const StatsScreen = lazy(() => import('./screens/Stats.tsx').then((m) => ({ default: m.StatsScreen })));
const ExercisesScreen = lazy(() =>
  import('./screens/Exercises.tsx').then((m) => ({ default: m.ExercisesScreen })),
);
const BrowseScreen = lazy(() => import('./screens/Browse.tsx').then((m) => ({ default: m.BrowseScreen })));
const ImportScreen = lazy(() => import('./screens/Import.tsx').then((m) => ({ default: m.ImportScreen })));

const SCREENS: { id: Screen; label: StringKey }[] = [
  { id: 'review', label: 'navReview' },
  { id: 'decks', label: 'navDecks' },
  { id: 'browse', label: 'navBrowse' },
  { id: 'import', label: 'navImport' },
  { id: 'exercises', label: 'navExercises' },
  { id: 'stats', label: 'navStats' },
  { id: 'settings', label: 'navSettings' },
];

const currentScreen = (): Screen => screenFromHash(window.location.hash);

export function App() {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(localStorage.getItem('kubedeck.lang'), navigator.languages ?? [navigator.language]),
  );
  const [screen, setScreen] = useState<Screen>(currentScreen);
  const [deck, setDeck] = useState<string | undefined>(undefined);
  const [theme, setTheme] = useTheme();
  const [help, setHelp] = useState(false);

  // Every visit to Review is a new Review: coming back while another screen was still loading (lazy, under
  // Suspense) would otherwise keep the old Review, and its card, on screen without asking the core again.
  const [reviewVisit, setReviewVisit] = useState(0);

  useEffect(() => {
    const onHash = () => {
      const next = currentScreen();
      setScreen(next);
      if (next === 'review') setReviewVisit((v) => v + 1);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Notes dropped anywhere on the window open the Import screen with them.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      const picked = readDrop(e.dataTransfer);
      if (!picked) return;
      window.location.hash = '#/import';
      setScreen('import');
      offerPick(picked);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  setApiLang(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('kubedeck.lang', l);
    setLangState(l);
  }, []);
  const i18n = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);
  const go = useCallback((s: string) => {
    window.location.hash = `#/${s}`;
  }, []);

  // The core keeps the language and theme settings; on start they win over the cached ones (asked for before the
  // first render, in first-calls.ts, with the first card and the first start's deck choice).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once
  useEffect(() => {
    firstSettings.then(
      (s) => {
        if (s.language !== 'system') setLang(s.language);
        setTheme(s.theme);
      },
      () => {},
    );
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
      if (e.key === '?' || e.key === 'F1') {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const desktop = useMemo(() => ({ go, shortcuts: () => setHelp(true) }), [go]);
  useDesktopEvents(desktop);

  return (
    <LangContext.Provider value={i18n}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="logo" aria-hidden="true">
              ⎈
            </span>
            Kubedeck
          </div>
          <nav className="tabs" aria-label="Kubedeck">
            {SCREENS.map((s) => (
              <button
                key={s.id}
                type="button"
                className={s.id === screen ? 'tab active' : 'tab'}
                aria-current={s.id === screen ? 'page' : undefined}
                onClick={() => go(s.id)}
              >
                {i18n.t(s.label)}
              </button>
            ))}
          </nav>
        </header>
        <main className="content">
          <Suspense fallback={<p className="muted">{i18n.t('loading')}</p>}>
            {screen === 'review' && (
              <ReviewScreen
                key={reviewVisit}
                deck={deck}
                onClearDeck={() => setDeck(undefined)}
                onEdit={(id) => go(`browse/${encodeURIComponent(id)}`)}
              />
            )}
            {screen === 'decks' && (
              <DecksScreen
                onStudy={(name) => {
                  setDeck(name);
                  go('review');
                }}
              />
            )}
            {screen === 'browse' && <BrowseScreen />}
            {screen === 'import' && <ImportScreen />}
            {screen === 'exercises' && <ExercisesScreen />}
            {screen === 'stats' && <StatsScreen />}
            {screen === 'settings' && <SettingsScreen theme={theme} onTheme={setTheme} />}
          </Suspense>
        </main>
        {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      </div>
    </LangContext.Provider>
  );
}
