// The off-thread worker's bootstrap (plain JS, so it starts in any runtime). It loads the built bundle
// dist-cli/offthread.js when there is one (tens of milliseconds); a checkout without a build loads the TypeScript
// through tsx instead (seconds, once per worker).
import { existsSync } from 'node:fs';

const built = new URL('../../dist-cli/offthread.js', import.meta.url);
if (existsSync(built)) await import(built.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./worker-main.ts', import.meta.url).href);
}
