import { useEffect } from 'react';

/** Paths handed to the Import screen (from the File menu, or notes dropped on the window). */
export const IMPORT_PATHS_KEY = 'kubedeck.importPaths';
export const IMPORT_EVENT = 'kubedeck:import-paths';

export function requestImport(paths: string[]): void {
  if (paths.length === 0) return;
  sessionStorage.setItem(IMPORT_PATHS_KEY, JSON.stringify(paths));
  window.location.hash = '#/import';
  window.dispatchEvent(new CustomEvent(IMPORT_EVENT, { detail: paths }));
}

/**
 * The desktop shell's side of the window: menu commands (go to a screen, import, shortcuts) and Markdown files or
 * folders dropped anywhere on the window, whose paths only the Electron bridge can tell.
 */
export function useDesktopEvents(on: { go: (screen: string) => void; shortcuts: () => void }): void {
  useEffect(() => {
    const bridge = window.kubedeck;
    if (!bridge) return;
    const off = bridge.onMenu?.((command, detail) => {
      if (command === 'go' && typeof detail === 'string') on.go(detail);
      else if (command === 'shortcuts') on.shortcuts();
      else if (command === 'import' && Array.isArray(detail)) requestImport(detail.map(String));
    });
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0 || !bridge.pathForFile) return;
      e.preventDefault();
      requestImport(files.map((f) => bridge.pathForFile!(f)).filter((p) => p !== ''));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      off?.();
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [on]);
}
