import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.KUBEDECK_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const FIXTURE_NOTES = join(ROOT, 'test', 'fixtures', 'notes');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Picks one Markdown note on the Import screen, as a learner choosing a file would. */
export function pickNote(page: Page, name: string, text: string): Promise<void> {
  return page
    .getByTestId('import-files')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
}

/**
 * Builds dist-renderer/ when it is missing or older than what it bundles (a stale UI would test old code): the
 * renderer, and the core's word tables and message code it imports. A Korean warning added to core/i18n once showed
 * in English because only renderer/ was looked at.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const index = join(ROOT, 'dist-renderer', 'index.html');
  const sources = Math.max(...['renderer', 'core/i18n', 'content'].map((d) => newestMtime(join(ROOT, d))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test; the UI under test (and what serve ships afterwards) is the production build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

export type Served = {
  /** The printed URL with its per-run token: what a browser opens. */
  url: string;
  /** The same address without the token, for building API paths. */
  base: string;
  /** `name=value` of the session cookie the token was traded for. */
  cookie: string;
  dataDir: string;
  api: <T = unknown>(
    name: string,
    args?: unknown,
  ) => Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  stop: () => Promise<void>;
};

/** A real `kubedeck serve` child on a free port, with its own data folder and the small Markdown fixture. */
export async function startServe(
  opts: {
    lang?: 'ko' | 'en';
    importFixture?: boolean;
    /** An existing data folder (holding kubedeck.sqlite) kept after stop; default: a fresh one, removed. */
    dataDir?: string;
    /** More `kubedeck` options, e.g. ['--now', '2027-06-01T10:00:00Z']. */
    args?: string[];
    /** The port to listen on; default any free one. */
    port?: number;
  } = {},
): Promise<Served> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kubedeck-e2e-'));
  const db = join(dataDir, 'kubedeck.sqlite');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'kubedeck.mjs'),
      'serve',
      '--port',
      String(opts.port ?? 0),
      '--db',
      db,
      '--no-bundled',
      '--lang',
      opts.lang ?? 'ko',
      ...(opts.args ?? []),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Over HTTP, notes are read only from uploads, watched folders and the bundled notes; tests add the fixtures.
      env: { ...process.env, KUBEDECK_DB: db, KUBEDECK_SERVE_ROOTS: join(ROOT, 'test', 'fixtures') },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const url = await new Promise<string>((ok, bad) => {
    let out = '';
    const timer = setTimeout(() => bad(new Error(`kubedeck serve did not start:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[0]);
      }
    });
    child.once('exit', (code) => bad(new Error(`kubedeck serve exited ${code}:\n${stderr}`)));
  });
  const base = url.slice(0, url.indexOf('?'));
  const cookie = await sessionCookie(url);
  const api: Served['api'] = async (name, args = {}) => {
    const res = await fetch(`${base}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(args),
    });
    return (await res.json()) as never;
  };
  if (opts.importFixture !== false) {
    const r = await api('import/run', { paths: [FIXTURE_NOTES] });
    if (!r.ok) throw new Error(`fixture import failed: ${r.error?.message}`);
  }
  return {
    url,
    base,
    cookie,
    dataDir,
    api,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Does what the first page load does: trades the URL's token for the session cookie. */
export async function sessionCookie(tokenUrl: string): Promise<string> {
  const res = await fetch(tokenUrl, { redirect: 'manual' });
  const set = res.headers.get('set-cookie');
  if (res.status !== 303 || !set) throw new Error(`token exchange failed: HTTP ${res.status}`);
  return set.split(';')[0]!;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser as a learner has one: a profile on disk (`profileDir`) that keeps its HTTP cache and V8's code cache
 * between visits, where `launchChromium`'s pages each start as a first visit ever.
 */
export function launchLearnerBrowser(profileDir: string, locale: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
  });
}

/** A TCP port free now on 127.0.0.1: serve started again on it keeps the page's origin, as `kubedeck serve` does. */
export function freePort(): Promise<number> {
  return new Promise((ok, bad) => {
    const probe = createServer();
    probe.once('error', bad);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => ok(port));
    });
  });
}

export type BrowserSuite = {
  /** The Chromium the file's tests share. */
  browser(): Browser;
  /** Starts a serve for this test; every serve a test starts is stopped after it. */
  serve(opts?: Parameters<typeof startServe>[0]): Promise<Served>;
  /** A page in the learner's language on `hash` of the test's serve (`localStorage` set before the app runs). */
  open(lang: 'ko' | 'en', hash: string, viewport?: { width: number; height: number }): Promise<Page>;
};

/**
 * The set-up every browser test file repeats: one Chromium for the file, a fresh serve per test and stopped after
 * it (so no test leaves a server behind), and pages opened in the learner's language. Call it inside `describe`.
 */
export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  // Every serve the running test started; `open()` uses the latest.
  let served: Served[] = [];
  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(served.map((s) => s.stop()));
    served = [];
  });
  return {
    browser: () => browser!,
    async serve(opts) {
      const s = await startServe(opts);
      served.push(s);
      return s;
    },
    async open(lang, hash, viewport) {
      const latest = served.at(-1);
      if (!browser || !latest)
        throw new Error('open() needs the suite browser and a serve started in this test');
      const p = await browser.newPage({
        locale: lang === 'ko' ? 'ko-KR' : 'en-US',
        ...(viewport ? { viewport } : {}),
      });
      await p.addInitScript((l) => localStorage.setItem('kubedeck.lang', l), lang);
      await p.goto(`${latest.url}#/${hash}`);
      return p;
    },
  };
}
