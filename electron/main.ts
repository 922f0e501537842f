// Desktop shell: one window, one IPC channel, the core in a utility process. The only place that imports electron.
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  shell,
  type UtilityProcess,
  utilityProcess,
} from 'electron';
import type { Envelope } from '../core/api.ts';
import { type Lang, langFromLocales, translator } from '../core/i18n/index.ts';
import { contentTypeOf } from '../core/server/content-type.ts';
import { isExternalHttps, isHandlerName, isLang, isPlainJson } from './ipc-validate.ts';
import { menuTemplate } from './menu.ts';
import { readWindowState, restoreBounds, writeWindowState } from './window-state.ts';

const RENDERER_DIR = join(__dirname, '..', 'dist-renderer');
const ORIGIN = 'app://kubedeck';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// codeCache: V8 keeps the compiled bundle between starts, as Chromium does for http(s) pages; a custom scheme gets
// it only when asked (with standard). Each start then skips most of the script compile.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let core: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (e: Envelope<unknown>) => void>();

function startCore(): void {
  core = utilityProcess.fork(join(__dirname, 'core-host.cjs'), [], {
    serviceName: 'kubedeck-core',
    env: {
      ...process.env,
      KUBEDECK_DB: process.env.KUBEDECK_DB ?? join(app.getPath('userData'), 'kubedeck.sqlite'),
    },
    stdio: 'inherit',
  });
  core.on('message', (m: { id?: number; envelope?: Envelope<unknown> }) => {
    if (m.id === undefined || !m.envelope) return;
    pending.get(m.id)?.(m.envelope);
    pending.delete(m.id);
    showBusy();
  });
  core.on('exit', (code) => {
    for (const done of pending.values())
      done({ ok: false, error: { code: 'core-exit', message: `the Kubedeck core stopped (exit ${code})` } });
    pending.clear();
    core = null;
  });
}

/** Long work (an import, the optimizer) runs in the core's process; the taskbar shows it is busy meanwhile. */
let busyTimer: NodeJS.Timeout | undefined;
function showBusy(): void {
  clearTimeout(busyTimer);
  if (pending.size === 0) {
    win?.setProgressBar(-1);
    return;
  }
  busyTimer = setTimeout(() => {
    if (pending.size > 0) win?.setProgressBar(2, { mode: 'indeterminate' });
  }, 400);
}

function invokeCore(name: string, args: unknown, lang: Lang): Promise<Envelope<unknown>> {
  if (!core) startCore();
  const id = nextId++;
  return new Promise((done) => {
    pending.set(id, done);
    core!.postMessage({ id, name, args, lang });
    showBusy();
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

/** Tells the page to do something the menu or the window asked for (it owns the screens). */
const toPage = (command: string, detail?: unknown) => win?.webContents.send('kubedeck:menu', command, detail);

async function pickNotes(folder: boolean): Promise<void> {
  if (!win) return;
  const t = translator(menuLang);
  const r = await dialog.showOpenDialog(win, {
    title: t(folder ? 'menu.importFolder' : 'menu.importNotes'),
    properties: folder ? ['openDirectory'] : ['openFile', 'multiSelections'],
    filters: folder ? [] : [{ name: t('menu.notesFilter'), extensions: ['md', 'markdown', 'txt'] }],
  });
  if (!r.canceled && r.filePaths.length > 0) toPage('import', r.filePaths);
}

let menuLang: Lang = 'en';
/** The menu speaks the UI's language: the OS locale at first, then whatever language the page calls in. */
function buildMenu(lang: Lang): void {
  menuLang = lang;
  const template = menuTemplate(
    {
      importFiles: () => void pickNotes(false),
      importFolder: () => void pickNotes(true),
      go: (screenName) => toPage('go', screenName),
      shortcuts: () => toPage('shortcuts'),
    },
    process.platform === 'darwin',
    lang,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const stateFile = () => join(app.getPath('userData'), 'window-state.json');

function createWindow(): void {
  const saved = readWindowState(stateFile());
  win = new BrowserWindow({
    ...restoreBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    ),
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
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  // Remember the size and position the learner left the window in (normal bounds, plus whether it was maximised).
  win.on('close', () => {
    if (!win) return;
    writeWindowState(stateFile(), { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    win = null;
  });
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
  ipcMain.handle('kubedeck:invoke', (event, name: unknown, args: unknown, lang: unknown) => {
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
    const callLang = isLang(lang) ? lang : menuLang;
    if (callLang !== menuLang) buildMenu(callLang);
    return invokeCore(name, args ?? {}, callLang);
  });
  startCore();
  buildMenu(langFromLocales([app.getLocale()]));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  core?.kill();
  if (process.platform !== 'darwin') app.quit();
});
