import type { MenuItemConstructorOptions } from 'electron';
import { type Lang, translator } from '../core/i18n/index.ts';

/** What the menu asks of the window; main.ts wires each to a dialog or a message to the renderer. */
export type MenuActions = {
  importFiles: () => void;
  importFolder: () => void;
  go: (screen: 'review' | 'decks' | 'stats' | 'settings') => void;
  shortcuts: () => void;
};

/** File › Import notes… / Import folder…, Edit, View (screens, zoom, full screen), Window, Help › Keyboard shortcuts. */
export function menuTemplate(a: MenuActions, isMac: boolean, lang: Lang): MenuItemConstructorOptions[] {
  const t = translator(lang);
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.importNotes'), accelerator: 'CmdOrCtrl+O', click: a.importFiles },
        { label: t('menu.importFolder'), accelerator: 'CmdOrCtrl+Shift+O', click: a.importFolder },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('navReview'), accelerator: 'CmdOrCtrl+1', click: () => a.go('review') },
        { label: t('navDecks'), accelerator: 'CmdOrCtrl+2', click: () => a.go('decks') },
        { label: t('navStats'), accelerator: 'CmdOrCtrl+3', click: () => a.go('stats') },
        { label: t('navSettings'), accelerator: 'CmdOrCtrl+,', click: () => a.go('settings') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: t('menu.help'),
      submenu: [{ label: t('menu.shortcuts'), accelerator: 'F1', click: a.shortcuts }],
    },
  ];
}
