// Desktop shell: one window, one IPC channel, the core in a utility process. The only place that imports electron.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  protocol,
  shell,
  type UtilityProcess,
  utilityProcess,
} from 'electron';
import type { Envelope } from '../core/api.ts';
import { contentTypeOf } from '../core/server/content-type.ts';
import { isExternalHttps, isHandlerName, isPlainJson } from './ipc-validate.ts';

const RENDERER_DIR = join(__dirname, '..', 'dist-renderer');
const ORIGIN = 'app://kubedeck';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let core: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (e: Envelope<unknown>) => void>();

/** npm start passes the Electron-ABI better-sqlite3 build; a packaged app carries it in its resources. */
function sqliteBinding(): string | undefined {
  if (process.env.KUBEDECK_SQLITE_BINDING) return process.env.KUBEDECK_SQLITE_BINDING;
  const base = join(process.resourcesPath, 'electron-native');
  if (!existsSync(base)) return undefined;
  for (const dir of readdirSync(base)) {
    const p = join(base, dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(p)) return p;
  }
  return undefined;
}

function startCore(): void {
  core = utilityProcess.fork(join(__dirname, 'core-host.cjs'), [], {
    serviceName: 'kubedeck-core',
    env: {
      ...process.env,
      KUBEDECK_DB: process.env.KUBEDECK_DB ?? join(app.getPath('userData'), 'kubedeck.sqlite'),
      KUBEDECK_SQLITE_BINDING: sqliteBinding(),
    },
    stdio: 'inherit',
  });
  core.on('message', (m: { id?: number; envelope?: Envelope<unknown> }) => {
    if (m.id === undefined || !m.envelope) return;
    pending.get(m.id)?.(m.envelope);
    pending.delete(m.id);
  });
  core.on('exit', (code) => {
    for (const done of pending.values())
      done({ ok: false, error: { code: 'core-exit', message: `the Kubedeck core stopped (exit ${code})` } });
    pending.clear();
    core = null;
  });
}

function invokeCore(name: string, args: unknown): Promise<Envelope<unknown>> {
  if (!core) startCore();
  const id = nextId++;
  return new Promise((done) => {
    pending.set(id, done);
    core!.postMessage({ id, name, args });
  });
}

function serveRenderer(request: Request): Response {
  const url = new URL(request.url);
  let rel = decodeURIComponent(url.pathname);
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(RENDERER_DIR, rel));
  if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file))
    return new Response('not found', { status: 404 });
  return new Response(readFileSync(file), {
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': CSP,
    },
  });
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 480,
    minHeight: 480,
    title: 'Kubedeck',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(`${ORIGIN}/`)) {
      e.preventDefault();
      if (isExternalHttps(url)) void shell.openExternal(url);
    }
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void win.loadURL(`${ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.session.setPermissionRequestHandler((_wc, _perm, done) => done(false));
});

app.whenReady().then(() => {
  protocol.handle('app', serveRenderer);
  // The one IPC channel: only our own page may call, with a handler name and plain JSON arguments.
  ipcMain.handle('kubedeck:invoke', (event, name: unknown, args: unknown) => {
    const from = event.senderFrame?.url ?? '';
    if (!from.startsWith(`${ORIGIN}/`))
      return {
        ok: false,
        error: { code: 'forbidden', message: 'calls are only accepted from the Kubedeck window' },
      };
    if (!isHandlerName(name))
      return { ok: false, error: { code: 'bad-name', message: 'not a handler name' } };
    if (!isPlainJson(args ?? {}))
      return { ok: false, error: { code: 'bad-args', message: `${name}: arguments must be plain JSON` } };
    return invokeCore(name, args ?? {});
  });
  startCore();
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  core?.kill();
  if (process.platform !== 'darwin') app.quit();
});
