// Sandboxed preload: the page gets exactly one function, and only through contextBridge.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../core/api.ts';
import type { Bridge } from '../renderer/api/client.ts';

const bridge = {
  invoke: (name: string, args: unknown) =>
    ipcRenderer.invoke('kubedeck:invoke', name, args) as Promise<Envelope<unknown>>,
} satisfies Bridge;

contextBridge.exposeInMainWorld('kubedeck', bridge);
