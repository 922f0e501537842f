/**
 * The core runs here, in an Electron utilityProcess, so a long import or grading never blocks the window.
 * Messages: {id, name, args} in, {id, envelope} out. The core stays TypeScript; tsx loads it as the CLI does.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Request = { id: number; name: string; args: unknown; lang?: 'ko' | 'en' };
type ParentPort = {
  on(event: 'message', listener: (e: { data: Request }) => void): void;
  postMessage(message: unknown): void;
};

async function main() {
  const port = (process as unknown as { parentPort: ParentPort }).parentPort;
  const { register } = await import('tsx/esm/api');
  register();
  const appPath = pathToFileURL(join(__dirname, '..', 'core', 'app.ts')).href;
  const { openCore } = (await import(appPath)) as typeof import('../core/app.ts');
  // The default only; every call from the window carries its own language.
  const lang = process.env.KUBEDECK_LANG === 'en' ? 'en' : 'ko';
  let core: ReturnType<typeof openCore> | null = null;
  let openError: string | null = null;
  try {
    core = openCore({ dbPath: process.env.KUBEDECK_DB, lang, offThread: true });
  } catch (e) {
    openError = (e as Error).message;
  }
  port.on('message', async ({ data }) => {
    if (!core) {
      port.postMessage({
        id: data.id,
        envelope: { ok: false, error: { code: 'db-open', message: openError } },
      });
      return;
    }
    const envelope = await core.send(data.name as never, data.args, { lang: data.lang });
    port.postMessage({ id: data.id, envelope });
  });
  port.postMessage({ ready: true });
  if (core) {
    // While the window loads its page, the first screen's calls run once here (as serve does when it sends the
    // script), so the window's own first calls find the modules, statements and queue pages already in memory.
    const warmPath = pathToFileURL(join(__dirname, '..', 'core', 'warm-up.ts')).href;
    const { warmUp } = (await import(warmPath)) as typeof import('../core/warm-up.ts');
    await warmUp(core).catch((e: Error) => process.stderr.write(`kubedeck core: warm-up: ${e.message}\n`));
    // Watched note folders are re-imported in this process, off the window's thread (core/interop/watch.ts).
    const watchPath = pathToFileURL(join(__dirname, '..', 'core', 'interop', 'watch.ts')).href;
    const { watchStoredFolders } = (await import(watchPath)) as typeof import('../core/interop/watch.ts');
    await watchStoredFolders(core.ctx).catch((e: Error) =>
      process.stderr.write(`kubedeck core: watch: ${e.message}\n`),
    );
  }
}

main().catch((e: Error) => {
  process.stderr.write(`kubedeck core: ${e.message}\n`);
  process.exit(1);
});
