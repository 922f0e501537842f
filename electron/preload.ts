// Sandboxed preload: the page gets exactly these functions, and only through contextBridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Envelope } from '../core/api.ts';
import type { Bridge } from '../renderer/api/client.ts';

const bridge = {
  /** Every call carries the UI language, so labels and messages follow a language switch at once. */
  invoke: (name: string, args: unknown, lang: 'ko' | 'en') =>
    ipcRenderer.invoke('kubedeck:invoke', name, args, lang) as Promise<Envelope<unknown>>,
  /** Menu commands (import, go to a screen, shortcuts); returns the unsubscribe function. */
  onMenu: (listener: (command: string, detail?: unknown) => void) => {
    const wrapped = (_e: unknown, command: string, detail?: unknown) => listener(command, detail);
    ipcRenderer.on('kubedeck:menu', wrapped);
    return () => {
      ipcRenderer.removeListener('kubedeck:menu', wrapped);
    };
  },
  /** The path of a file dropped on the window (sandboxed pages cannot read File.path). */
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} satisfies Bridge;

contextBridge.exposeInMainWorld('kubedeck', bridge);
