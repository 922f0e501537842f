#!/usr/bin/env node
// Runs the CLI built into dist-cli/ (esbuild: no TypeScript is transpiled at run time, and each command loads only
// its own chunks). `npm install` makes the build; when it is missing or older than the sources (a dev checkout
// after an edit), it is rebuilt first, so a run never executes stale code.
import { enableCompileCache } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_ENTRY, cliBuildIsFresh } from '../scripts/build-cli.mjs';

// V8 keeps the compiled chunks in the OS temp folder: later runs skip parsing them.
enableCompileCache();
if (!cliBuildIsFresh()) {
  const why = process.getBuiltinModule('node:fs').existsSync(CLI_ENTRY)
    ? 'sources changed; rebuilt'
    : 'built';
  try {
    await buildCli();
    process.stderr.write(`kubedeck: ${why} dist-cli/\n`);
  } catch (e) {
    process.stderr.write(
      `kubedeck: cannot build the CLI (${e.message.split('\n')[0]}); run: npm run build:cli\n`,
    );
    process.exit(1);
  }
}
// `kubedeck cards | head`: a reader that stops early is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(pathToFileURL(CLI_ENTRY).href);
process.exitCode = await main(process.argv.slice(2));
