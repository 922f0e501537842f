import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, CHROMIUM, haveChromium, ROOT, type Served, startServe } from './harness.ts';

if (!haveChromium) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!haveChromium)('UI in headless Chromium against kubedeck serve', () => {
  const suite = browserSuite();
  let served: Served | undefined;

  async function open(lang: 'ko' | 'en', hash: string): Promise<Page> {
    served = await suite.serve({ lang });
    const page = await suite.browser().newPage({ locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
    await page.goto(`${served.url}#/${hash}`);
    return page;
  }

  it('reviews a card with the keyboard: Space shows the answer, 3 rates Good, the count drops, the log has a row', async () => {
    const page = await open('ko', 'review');
    await page.getByTestId('card').waitFor();
    const before = Number(await page.getByTestId('count-new').textContent());
    expect(before).toBeGreaterThan(0);
    const firstId = await page.getByTestId('card').getAttribute('data-card-id');
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    // The rating buttons carry the interval previews from review/next.
    await expect.poll(() => page.locator('.rate.good .preview').textContent()).toMatch(/\d+(분|시간|일)/);
    await page.keyboard.press('3');
    await expect.poll(async () => Number(await page.getByTestId('count-new').textContent())).toBe(before - 1);
    expect(await page.getByTestId('card').getAttribute('data-card-id')).not.toBe(firstId);

    // Good shows the card it fetched ahead at once; the rating reaches the core a moment later.
    const reviewsLogged = async () => {
      const stats = await served!.api<{ heatmap: { reviews: number }[] }>('stats/summary');
      expect(stats.ok).toBe(true);
      return stats.value!.heatmap.reduce((n, d) => n + d.reviews, 0);
    };
    await expect.poll(reviewsLogged).toBe(1);
    const db = new Database(join(served!.dataDir, 'kubedeck.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT card_id FROM review_log').all() as { card_id: string }[];
      expect(rows.map((r) => r.card_id)).toEqual([firstId]);
    } finally {
      db.close();
    }

    // u takes the rating back: the same card and the old count return.
    await page.keyboard.press('u');
    await expect.poll(async () => Number(await page.getByTestId('count-new').textContent())).toBe(before);
    expect(await page.getByTestId('card').getAttribute('data-card-id')).toBe(firstId);
    await page.close();
  });

  it('renders Korean UI strings and Korean card text', async () => {
    const page = await open('ko', 'review');
    await page.getByTestId('card').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await expect.poll(() => page.locator('.tab.active').textContent()).toBe('복습');
    expect(await page.locator('.prompt').textContent()).toMatch(/[\uac00-\ud7a3]/);
    expect(await page.locator('.answer-bar').textContent()).toContain('정답 보기');
    await page.goto(`${served!.url}#/settings`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.tab.active').textContent()).toBe('Settings');
    await page.close();
  });

  it('grades an exercise: ✓ for the reference solution, ✗ with line:column for a wrong answer', async () => {
    const page = await open('en', 'exercises');
    await page.getByRole('button', { name: /Default-deny NetworkPolicy/ }).click();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    const solution = readFileSync(
      join(ROOT, 'content/exercises/networkpolicy-default-deny/solution.yaml'),
      'utf8',
    );
    await editor.fill(solution);
    await page.getByRole('button', { name: 'Grade', exact: true }).click();
    await expect.poll(() => page.locator('.verdict-head').textContent(), { timeout: 30_000 }).toContain('✓');
    expect(await page.locator('.check-row.bad').count()).toBe(0);
    expect(await page.locator('.solution').textContent()).toContain('default-deny-all');

    await editor.fill(solution.replace('namespace: prod', 'namespace: dev'));
    await page.getByRole('button', { name: 'Grade', exact: true }).click();
    await expect.poll(() => page.locator('.verdict-head').textContent(), { timeout: 30_000 }).toContain('✗');
    const bad = page.locator('.check-row.bad').first();
    expect(await bad.textContent()).toMatch(/namespace/);
    expect(await bad.locator('.loc').textContent()).toMatch(/^\d+(:\d+)?$/);
    await page.close();
  });

  it('shows an error envelope as its one-line message, never a stack', async () => {
    served = await suite.serve({ lang: 'en' });
    // A corrupt stored setting makes settings/get fail with a KubedeckError naming the key.
    const db = new Database(join(served.dataDir, 'kubedeck.sqlite'));
    db.prepare(
      "INSERT OR REPLACE INTO settings (key, value) VALUES ('review.desiredRetention', '\"abc\"')",
    ).run();
    db.close();
    const page = await suite.browser().newPage({ locale: 'en-US' });
    await page.goto(`${served.url}#/settings`);
    const note = page.getByRole('alert');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('desiredRetention');
    expect(text).not.toMatch(/\n\s+at |\.ts:\d+/);
    await page.close();
  });
});

describe('kubedeck serve HTTP guard rails', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe({ importFixture: false });
  }, 60_000);
  afterAll(async () => {
    await served?.stop();
  });
  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${served.base}${path}`, { method: 'POST', headers, body });

  it('answers unknown handlers and bad arguments with an envelope, no stack', async () => {
    const unknown = await served.api('nope/nothing');
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown-handler', message: expect.any(String) } });
    const bad = await served.api('decks/hide-lang', { lang: 'fr', hidden: true });
    expect(bad.ok).toBe(false);
    expect(bad.error!.code).toBe('bad-args');
    expect(JSON.stringify(bad)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin and non-JSON posts', async () => {
    const url = new URL(served.url);
    const { request } = await import('node:http');
    const status = (headers: Record<string, string>, type = 'application/json') =>
      new Promise<number>((ok, bad) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: '/api/decks/list',
            method: 'POST',
            headers: { 'content-type': type, cookie: served.cookie, ...headers },
          },
          (res) => {
            res.resume();
            ok(res.statusCode ?? 0);
          },
        );
        req.on('error', bad);
        req.end('{}');
      });
    expect(await status({ host: `evil.example:${url.port}` })).toBe(421);
    expect(await status({ origin: 'http://evil.example' })).toBe(403);
    expect(await status({}, 'text/plain')).toBe(415);
    expect(await status({})).toBe(200);
    expect(
      (await post('api/decks/list', { 'content-type': 'application/json', cookie: served.cookie })).status,
    ).toBe(200);
  });

  // Issue #21 (cold start): a learner's browser keeps the bundle and V8's compiled code for it from one day to the
  // next. index.html names this build's bundle, so it is asked again each time; the content-named files are kept.
  it('lets the browser keep the content-named bundle for good, and asks for index.html each time', async () => {
    const page = await fetch(served.base, { headers: { cookie: served.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="\.?\/?(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${served.base}${script}`, { headers: { cookie: served.cookie } });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('refuses a request without the token: no cookie, a wrong cookie or a wrong token all get 401', async () => {
    const json = { 'content-type': 'application/json' };
    const none = await post('api/decks/list', json);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorised');
    const [name] = served.cookie.split('=');
    expect((await post('api/decks/list', { ...json, cookie: `${name}=guessed` })).status).toBe(401);
    expect((await fetch(served.base)).status).toBe(401);
    const wrong = await fetch(`${served.base}?token=guessed`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    // The right token is traded for an HttpOnly, SameSite=Strict cookie and a redirect to the clean address.
    const traded = await fetch(served.url, { redirect: 'manual' });
    expect(traded.status).toBe(303);
    expect(traded.headers.get('location')).toBe('/');
    expect(traded.headers.get('set-cookie')).toMatch(
      /^kubedeck_\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/,
    );
  });
});
