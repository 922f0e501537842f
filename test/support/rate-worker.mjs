// A rating burst in its own process for SIGKILL trials: rates cards as fast as it can and writes one line per
// committed rating (pipes are synchronous on Linux, so every line written is one the parent can still read).
import { register } from 'tsx/esm/api';

register();
const { openCore } = await import('../../core/app.ts');
const [dbPath] = process.argv.slice(2);
const core = openCore({ dbPath, bundled: false, lang: 'en' });
const ids = (await core.call('cards/list', {})).map((c) => c.id);
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  const cardId = ids[Math.floor(Math.random() * ids.length)];
  await core.call('review/rate', { cardId, rating: n % 4 === 0 ? 'again' : 'good', early: true });
  process.stdout.write(`${n}\n`);
}
