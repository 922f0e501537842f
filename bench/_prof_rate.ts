import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../core/app.ts';
const tpl = readdirSync('/tmp').find((f) => /^kubedeck-bench-ui-100000-.*\.sqlite$/.test(f))!;
const dir = mkdtempSync('/tmp/p21/rate-');
copyFileSync(join('/tmp', tpl), join(dir, 'kubedeck.sqlite'));
let t = Date.parse('2027-06-01T10:00:00Z');
const core = openCore({ dbPath: join(dir, 'kubedeck.sqlite'), now: () => new Date(t), bundled: false });
await core.ready;
let next = await core.call('review/next', {});
const times: number[] = [];
const parts = { rate: [] as number[], next: [] as number[] };
for (let i = 0; i < 200 && next.card; i++) {
  t += 5000;
  const s = performance.now();
  const r = await core.call('review/rate-next', { rate: { cardId: next.card.id, rating: 'good', elapsedMs: 3000 }, next: {} });
  times.push(performance.now() - s);
  next = r.next;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((p / 100) * xs.length)]!;
console.log('rate-next in-process p50', pct(times, 50).toFixed(1), 'p95', pct(times, 95).toFixed(1), 'max', Math.max(...times).toFixed(1));
// separate
for (let i = 0; i < 100 && next.card; i++) {
  t += 5000;
  let s = performance.now();
  await core.call('review/rate', { cardId: next.card.id, rating: 'good', elapsedMs: 3000 });
  parts.rate.push(performance.now() - s);
  s = performance.now();
  next = await core.call('review/next', {});
  parts.next.push(performance.now() - s);
}
console.log('rate p50/p95', pct(parts.rate, 50).toFixed(1), pct(parts.rate, 95).toFixed(1), 'next p50/p95', pct(parts.next, 50).toFixed(1), pct(parts.next, 95).toFixed(1));
core.close();
