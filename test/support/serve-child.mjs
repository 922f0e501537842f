// `kubedeck serve` without the UI build: the same core and HTTP transport on a free port, for API tests that must
// not wait for vite. Prints the URL on stdout like `kubedeck serve` does.
import { register } from 'tsx/esm/api';

register();
const { openCore } = await import('../../core/app.ts');
const { startServer } = await import('../../core/server/http.ts');
const [dbPath] = process.argv.slice(2);
const core = openCore({ dbPath, bundled: false, lang: 'en', offThread: true });
const server = await startServer({ core, staticDir: null, port: 0 });
process.stdout.write(`Kubedeck: ${server.url}\n`);
const stop = () =>
  server.close().then(() => {
    core.close();
    process.exit(0);
  });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
