/**
 * `npm run bench ui`: the study UI in headless Chromium against a real `kubedeck serve` on a temporary data folder
 * holding 100,000 cards. Times are taken inside the page: from the input event to the frame after the DOM shows
 * the result (requestAnimationFrame, then a task, so the frame has been painted).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openCore } from '../core/app.ts';
import { loadMigrations } from '../db/migrations.ts';
import {
  ensureRendererBuilt,
  freePort,
  haveChromium,
  launchChromium,
  launchLearnerBrowser,
  startServe,
} from '../test/e2e/harness.ts';
import { build, NOW } from './review.ts';

const CARDS = 100_000;
const RATINGS = 200;
const SEARCHES = 40;
const NOW_ARG = ['--now', new Date(NOW).toISOString()];

const TOPICS = [
  '서비스',
  '엔드포인트',
  '인그레스',
  '게이트웨이',
  '네트워크 정책',
  'kube-proxy',
  'CoreDNS',
  'CNI 플러그인',
];
const FIELDS = ['포트', '대역', '기본값', '설정 파일', '명령', '필드 이름', 'annotation', 'selector'];
/** Korean and English mixed, as real notes are; every card says something different. */
const text = (i: number) => ({
  prompt: `${TOPICS[i % TOPICS.length]} ${FIELDS[(i * 7) % FIELDS.length]} ${i}번 카드는?`,
  answer: `값 ${(i * 7919) % 100_000} (${TOPICS[(i * 3) % TOPICS.length]})`,
});

/**
 * The 100,000-card database takes a minute to build on a busy machine, so it is built once per schema version and
 * copied for each run (the template sits in the temp folder, named by a hash of the migrations).
 */
async function database(into: string): Promise<void> {
  const schema = createHash('sha1')
    .update(
      loadMigrations()
        .map((m) => m.sql)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 10);
  const template = join(tmpdir(), `kubedeck-bench-ui-${CARDS}-${schema}.sqlite`);
  if (!existsSync(template)) {
    const s = performance.now();
    const building = `${template}.${process.pid}.tmp`;
    const core = openCore({ dbPath: building, now: () => new Date(NOW), bundled: false });
    await core.call('settings/set', { key: 'reviewsPerDay', value: 5000 });
    build(core, CARDS, 200_000, text);
    core.close();
    renameSync(building, template);
    console.log(
      `built ${CARDS.toLocaleString()} cards + 200,000 review-log rows in ${((performance.now() - s) / 1000).toFixed(1)} s (kept as ${template})`,
    );
  } else console.log(`using ${template}`);
  copyFileSync(template, join(into, 'kubedeck.sqlite'));
}

/** tsx compiles named closures with esbuild's `__name` helper; the page must have one to run them. */
const NAME_SHIM = { content: 'globalThis.__name = (f) => f;' };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Runs in the page: presses a key, waits for the next card's id and its painted frame. */
async function rateLoop(page: Page, n: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const painted = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    const until = (test: () => boolean) =>
      new Promise<void>((ok) => {
        if (test()) return ok();
        const mo = new MutationObserver(() => {
          if (test()) {
            mo.disconnect();
            ok();
          }
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    const cardId = () => document.querySelector('[data-testid="card"]')?.getAttribute('data-card-id') ?? null;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = cardId();
      if (id === null) break;
      press(' ');
      await until(() => document.querySelector('[data-testid="answer"]') !== null);
      await painted();
      const t0 = performance.now();
      press('3');
      await until(() => cardId() !== id);
      await painted();
      times.push(performance.now() - t0);
    }
    return times;
  }, n);
}

/** Runs in the page: puts a query in the search box as one input event, waits for its results to be painted. */
async function searchOnce(page: Page, q: string): Promise<number> {
  return page.evaluate(async (query) => {
    const input = document.querySelector('[data-testid="browse-search"]') as HTMLInputElement;
    const list = document.querySelector('[data-testid="browse-list"]')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    // The rows and this attribute change in the same React commit.
    const shown = () => list.getAttribute('data-results-for') === query;
    const t0 = performance.now();
    setter.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((ok, bad) => {
      if (shown()) return ok();
      setTimeout(() => bad(new Error(`no results painted for "${query}" within 10 s`)), 10_000);
      const mo = new MutationObserver(() => {
        if (shown()) {
          mo.disconnect();
          ok();
        }
      });
      mo.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return performance.now() - t0;
  }, q);
}

/**
 * Serve started anew `runs` times, each until the first card is painted; the first run is not counted. `learner`:
 * one browser profile kept on disk and one port throughout. `first-visit`: a fresh browser context and port each run.
 */
async function coldStarts(
  dataDir: string,
  how: 'learner' | 'first-visit',
  runs: number,
  browser?: Browser,
): Promise<number[]> {
  const profile = how === 'learner' ? mkdtempSync(join(tmpdir(), 'kd-bench-profile-')) : null;
  const learner = profile ? await launchLearnerBrowser(profile, 'ko-KR') : null;
  const port = learner ? await freePort() : 0;
  const took: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const s = performance.now();
      const served = await startServe({ dataDir, importFixture: false, args: NOW_ARG, port });
      const page = learner ? await learner.newPage() : await browser!.newPage({ locale: 'ko-KR' });
      await page.addInitScript(NAME_SHIM);
      await page.goto(`${served.url}#/review`);
      await page.getByTestId('card').waitFor();
      await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
      const t = performance.now() - s;
      if (run > 0) took.push(t);
      else console.log(`cold start (${how}), first run (caches warming): ${ms(t)}`);
      await page.close();
      await served.stop();
    }
  } finally {
    await learner?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
  return took;
}

export async function benchUi(): Promise<void> {
  if (!haveChromium) {
    console.log('skipped: no Chromium at /usr/bin/chromium');
    return;
  }
  await ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-ui-'));
  const browser = await launchChromium();
  try {
    await database(dataDir);

    // Cold start: a new serve process until the first card is painted, the way a learner opens the app each day: the
    // same browser profile (its HTTP cache and V8's code cache kept) and the same port, as `kubedeck serve` keeps
    // 4317. The first run warms the CLI's compile cache and the browser's cache, and is not counted.
    const cold = await coldStarts(dataDir, 'learner', 6);
    // For reference: a browser that has never seen the app (a new profile each time, a new port).
    const firstVisit = await coldStarts(dataDir, 'first-visit', 4, browser);

    const served = await startServe({ dataDir, importFixture: false, args: NOW_ARG });
    try {
      const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
      await page.addInitScript(NAME_SHIM);
      await page.goto(`${served.url}#/review`);
      await page.getByTestId('card').waitFor();
      const rate = await rateLoop(page, RATINGS);

      await page.goto(`${served.base}#/browse`);
      await page.locator('.browse-row').first().waitFor();
      const queries: string[] = [];
      for (let i = 0; i < SEARCHES; i++) {
        const n = (i * 2731 + 17) % CARDS;
        // A topic and a card number, a field and a card number (both through the trigram index), and a
        // 2-syllable word with a short number (LIKE, and thousands of matches to count).
        queries.push(
          i % 3 === 0
            ? `${TOPICS[n % TOPICS.length]} ${n}번`
            : i % 3 === 1
              ? `${FIELDS[(n * 7) % FIELDS.length]} ${n}번`
              : `대역 ${n % 97}`,
        );
      }
      // The first search reads the index from disk; it is reported on its own, the p95 is over warm searches.
      const first = await searchOnce(page, `${TOPICS[90_003 % TOPICS.length]} 90003번`);
      await page.waitForTimeout(600);
      const search: number[] = [];
      const byKind: number[][] = [[], [], []];
      for (const [i, q] of queries.entries()) {
        const took = await searchOnce(page, q);
        search.push(took);
        byKind[i % 3]!.push(took);
        // A person reads the results before the next search; the screen counts all matches meanwhile.
        await page.waitForTimeout(600);
      }
      await page.close();

      console.table({
        'rating key → next card painted (p50 / p95)': {
          value: `${ms(pct(rate, 50))} / ${ms(pct(rate, 95))}`,
          target: 'p95 ≤ 25 ms',
          n: rate.length,
        },
        'cold serve start → first card painted (median / max)': {
          value: `${ms(pct(cold, 50))} / ${ms(Math.max(...cold))}`,
          target: '≤ 1000 ms',
          n: cold.length,
        },
        '  the same, in a browser that never opened the app': {
          value: `${ms(pct(firstVisit, 50))} / ${ms(Math.max(...firstVisit))}`,
          target: '',
          n: firstVisit.length,
        },
        [`Browse search at ${CARDS.toLocaleString()} cards → results painted (p50 / p95)`]: {
          value: `${ms(pct(search, 50))} / ${ms(pct(search, 95))}`,
          target: 'p95 ≤ 50 ms',
          n: search.length,
        },
        '  first search after opening Browse (cold index)': { value: ms(first), target: '', n: 1 },
        '  of which topic + card number (trigram index) p95': {
          value: ms(pct(byKind[0]!, 95)),
          target: '',
          n: byKind[0]!.length,
        },
        '  of which field + card number (trigram index) p95': {
          value: ms(pct(byKind[1]!, 95)),
          target: '',
          n: byKind[1]!.length,
        },
        '  of which 2-syllable word + short number (LIKE scan) p95': {
          value: ms(pct(byKind[2]!, 95)),
          target: '',
          n: byKind[2]!.length,
        },
      });
      // Timings on a shared machine swing with its load; say how busy it was.
      console.log(
        `load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' / ')} on ${availableParallelism()} CPUs`,
      );
    } finally {
      await served.stop();
    }
  } finally {
    await browser.close();
    if (!process.env.KEEP) rmSync(dataDir, { recursive: true, force: true });
    else console.log(dataDir);
  }
}
