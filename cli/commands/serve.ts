import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolderWatcher } from '../../core/interop/watch.ts';
import { isLoopback, startServer } from '../../core/server/http.ts';
import { warmUp } from '../../core/warm-up.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl, Io } from '../command.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = join(ROOT, 'dist-renderer');
/** How long serve waits for a browser's first screen before it starts the watcher and the grader anyway. */
const FIRST_SCREEN_WAIT_MS = 3000;

/** The UI is built by vite; a fresh checkout builds it once here instead of failing. */
export async function ensureRenderer(io: Io): Promise<string | null> {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
  try {
    io.err('kubedeck serve: building the UI once (dist-renderer/) ...');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    return RENDERER_DIR;
  } catch (e) {
    io.err(
      `kubedeck serve: the UI could not be built (${(e as Error).message}); run: npm run build:renderer`,
    );
    return null;
  }
}

export function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // node:child_process loads only here (with --open): every other start is spared its module.
  const { spawn } = process.getBuiltinModule('node:child_process');
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`kubedeck serve: open ${url} in a browser\n`));
  child.unref();
}

export const serveCommand: CommandImpl = {
  async run({ values, core, io }) {
    const port = values.port === undefined ? 4317 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new KubedeckError('usage', `--port must be a number 0-65535, not ${String(values.port)}`, 2);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    if (!isLoopback(host))
      io.err(
        `kubedeck serve: warning: listening on ${host}; anyone who can reach it can change your reviews`,
      );
    const c = core();
    // A long-lived host: grading and file imports run in worker threads, so other requests keep answering.
    c.ctx.offThread = true;
    await c.ready; // a new database gets its bundled decks before the first page asks for them
    const staticDir = await ensureRenderer(io);
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      // While the browser runs the bundle, the first screen's calls run once (they only read), so the browser's
      // own come back at once.
      server = await startServer({ core: c, staticDir, port, host, onPageSent: () => void warmUp(c) });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE')
        throw new KubedeckError('port-in-use', `port ${port} is in use; try --port 0 or another number`);
      throw new KubedeckError('listen', `cannot listen on ${host}:${port}: ${err.message}`);
    }
    io.out(`Kubedeck: ${server.url}`);
    if (values.open) openBrowser(server.url);
    // Watched note folders stay imported while the UI runs; a failed sync is reported and retried on the next save.
    // The watcher (it loads the importer) and the grader's worker start once the first screen has been served, or
    // after FIRST_SCREEN_WAIT_MS when no browser comes; a folder added before then starts them at once (watch/add).
    let stopped = false;
    let background: Promise<FolderWatcher | null> | null = null;
    const startBackground = () => {
      background ??= (async () => {
        if (stopped) return null;
        void import('../../core/offthread/run.ts').then((m) => m.prewarmGrading());
        const { watchStoredFolders } = await import('../../core/interop/watch.ts');
        if (stopped) return null;
        return watchStoredFolders(c.ctx, {
          onSync: (e) => {
            if (e.error) io.err(`kubedeck serve: ${[...e.files, ...e.removed].join(', ')}: ${e.error}`);
          },
        });
      })().catch((e: Error) => {
        io.err(`kubedeck serve: the note folders are not watched: ${e.message}`);
        return null;
      });
      return background;
    };
    c.ctx.host.startWatcher = async () => {
      await startBackground();
    };
    const waited = setTimeout(startBackground, FIRST_SCREEN_WAIT_MS);
    void server.firstScreen.then(() => {
      clearTimeout(waited);
      void startBackground();
    });
    // Runs until Ctrl-C / SIGTERM; main() then closes the database.
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        stopped = true;
        clearTimeout(waited);
        const watcher = background?.then((w) => w?.close());
        Promise.all([watcher, server.close()]).then(() => done(), done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
