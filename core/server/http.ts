import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiName, Envelope } from '../api.ts';
import type { Core } from '../app.ts';
import { isLang } from '../i18n/lang.ts';
import { contentTypeOf } from './content-type.ts';
import { firstScreenTracker } from './first-screen.ts';

// Not `import … from 'node:http'`: building that ES module facade reads every export, and node:http's lazy
// WebSocket/fetch getters then load undici, 150–200 ms of a cold start for classes this server never uses.
const { createServer } = process.getBuiltinModule('node:http');
// node:crypto the same way: its ES module facade reads webcrypto and the X.509 classes, which serve never uses.
const { randomBytes, timingSafeEqual } = process.getBuiltinModule('node:crypto');

export type ServeOptions = {
  core: Core;
  /** Built renderer folder (index.html + assets); null serves the API only. */
  staticDir: string | null;
  port?: number;
  host?: string;
  /**
   * Called once, when the first script has gone out and the files the page asked for with it (its stylesheet, its
   * font) too:
   * the browser compiles and runs the script (hundreds of milliseconds) while the server has nothing to do. Called
   * earlier, its work held back the stylesheet, and the script waits for the stylesheet before it runs. A browser
   * that kept the page's files (they are content-named and kept for good) asks only for index.html: then it is
   * called just after that, unless a page file is asked for meanwhile.
   */
  onPageSent?: () => void;
};

/** `url` carries the per-run token (print it, open it); `base` is the same address without it. */
export type RunningServer = {
  url: string;
  base: string;
  port: number;
  /** Settles once a browser's first screen has been served (core/server/first-screen.ts); never without one. */
  firstScreen: Promise<void>;
  close: () => Promise<void>;
};

const MAX_BODY = 4 * 1024 * 1024;
/** How long after the script the warm-up waits for the page's other files (a cached one never comes). */
const PAGE_FILES_WAIT_MS = 300;
/** After index.html, how long a browser may take to ask for the page's files before it is taken to have kept them. */
const CACHED_PAGE_WAIT_MS = 40;
/** Static files up to this size are read and sent whole; bigger ones are streamed. */
const WHOLE_FILE_MAX = 4 * 1024 * 1024;
/** Uploaded notes travel as JSON text: a folder of notes (5 MB each at most) fits, a disk image does not. */
const MAX_UPLOAD_BODY = 64 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Same policy as the Electron window: nothing remote, no inline script, no framing. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const isLoopback = (host: string) => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Host names a request may carry: a DNS-rebinding page has its own name in Host and is refused. */
function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (!isLoopback(bindHost)) names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  return new Set([...names].map((n) => `${n}:${port}`));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

class TooLarge extends Error {}
/** After this much of an oversized body the connection is cut; up to it the body is drained so the 413 arrives. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length'] ?? 0) > max) {
      bad(new TooLarge());
      return;
    }
    let refused = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (refused) return;
      if (size > max) {
        refused = true;
        chunks.length = 0;
        bad(new TooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', bad);
  });
}

/**
 * Reads the rest of the body away, then answers 413: a server that answers and closes mid-upload shows up at the
 * client as a reset (EPIPE), not as a 413. Past 64 MB the connection is cut after all.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const answer = () => {
    if (!res.headersSent)
      sendJson(res, 413, fail('too-large', `request body is over ${MAX_BODY / 1024 / 1024} MB`));
  };
  if (req.readableEnded) {
    answer();
    return;
  }
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  req.on('end', answer);
  req.resume();
}

async function handleApi(core: Core, name: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, fail('method', 'use POST for /api calls'));
  // A cross-site <form> can only send form encodings; requiring JSON keeps simple requests out.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
    return sendJson(res, 415, fail('content-type', 'send Content-Type: application/json'));
  let args: unknown;
  try {
    const body = await readBody(req, name === 'import/upload' ? MAX_UPLOAD_BODY : MAX_BODY);
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch (e) {
    if (e instanceof TooLarge) return refuseTooLarge(req, res);
    return sendJson(res, 400, fail('bad-json', `request body is not JSON: ${(e as Error).message}`));
  }
  const lang = req.headers['x-kubedeck-lang'];
  const callLang = isLang(lang) ? lang : undefined;
  // A client that accepts NDJSON gets progress lines ({"progress":…}) and then the envelope as the last line.
  if (String(req.headers.accept ?? '').includes('application/x-ndjson')) {
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    const envelope = await core.send(name as ApiName, args, {
      lang: callLang,
      remote: true,
      progress: (progress) => {
        res.write(`${JSON.stringify({ progress })}\n`);
      },
    });
    res.end(`${JSON.stringify(envelope)}\n`);
    return;
  }
  const envelope = await core.send(name as ApiName, args, { lang: callLang, remote: true });
  sendJson(res, !envelope.ok && envelope.error.code === 'unknown-handler' ? 404 : 200, envelope);
}

// vite names the files it writes under assets/ by their content (`index-BPlLlz_k.js`): a name is never reused for
// other bytes.
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;

/**
 * index.html is asked again each time (it names this build's bundle); a content-named file is kept for good. A browser
 * that keeps the bundle also keeps V8's compiled code for it, so a learner's daily start skips the download and most
 * of the script compile (bench ui: cold start, browser as a learner's); with a plain max-age it expired within the
 * hour and both were paid again the next day.
 */
function cacheControlOf(rel: string, file: string): string {
  if (file.endsWith('index.html')) return 'no-cache';
  return HASHED_ASSET.test(rel) ? 'public, max-age=31536000, immutable' : 'max-age=3600';
}

/** The page itself: `/` or `/index.html`. */
const isIndexPath = (path: string) => path === '/' || path === '/index.html';

/** index.html or a script: what a browser's first screen is made of (a kept script is never asked for). */
function isPageRequest(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return isIndexPath(path) || path.endsWith('.js');
}

function serveStatic(dir: string, urlPath: string, res: ServerResponse): void {
  let rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  if (rel.endsWith('/')) rel += 'index.html';
  const root = resolve(dir);
  let file = resolve(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  // Unknown paths without an extension are screens of the single-page app.
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (extname(rel) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
  }
  const size = statSync(file).size;
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': size,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': cacheControlOf(rel, file),
  });
  // The UI's files (the 470 KB bundle, the fonts) go out in one write: streamed in 64 KB reads, each a trip through
  // the event loop, the bundle took 60–160 ms to leave on a busy machine, and the first card waited for it.
  if (size <= WHOLE_FILE_MAX) res.end(readFileSync(file));
  else createReadStream(file).pipe(res);
}

/** The files the UI's index.html loads (`assets/index-….js`, `assets/index-….css`), relative to the UI folder. */
function filesOfPage(dir: string): string[] {
  try {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    return [...html.matchAll(/(?:src|href)="\.\/([^"?#]+)"/g)].map((m) => m[1]!);
  } catch {
    return [];
  }
}

/** The per-run secret: the printed URL carries `token`; the browser keeps `session` in an HttpOnly cookie. */
type Guard = { token: string; session: string; cookie: string };

function newGuard(): Guard {
  return {
    token: randomBytes(24).toString('base64url'),
    session: randomBytes(24).toString('base64url'),
    cookie: '',
  };
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const UNAUTHORISED_PAGE = `<!doctype html><meta charset="utf-8"><title>Kubedeck</title>
<p>이 주소에는 토큰이 필요합니다. <code>kubedeck serve</code>가 출력한 주소를 여세요.</p>
<p>This address needs its token: open the URL that <code>kubedeck serve</code> printed.</p>`;

/**
 * Trades `?token=` for the session cookie and redirects to the same address without it (so the token leaves the
 * address bar and history). Returns true when the request was answered here.
 */
function exchangeToken(guard: Guard, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const token = url.searchParams.get('token');
  if (token === null || req.method !== 'GET') return false;
  if (!same(token, guard.token)) {
    res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(UNAUTHORISED_PAGE);
    return true;
  }
  url.searchParams.delete('token');
  res.writeHead(303, {
    location: `${url.pathname}${url.search}`,
    'set-cookie': `${guard.cookie}=${guard.session}; HttpOnly; SameSite=Strict; Path=/`,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end();
  return true;
}

/** The `kubedeck serve` transport: the renderer plus `POST /api/<handler>` → Envelope, loopback only by default. */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  let hosts = new Set<string>();
  const guard = newGuard();
  let onPageSent = opts.onPageSent;
  // The files index.html names (its script, stylesheet and font): the warm-up waits until all have been sent.
  const pageFiles = new Set(opts.staticDir ? filesOfPage(opts.staticDir) : []);
  const pageFileCount = pageFiles.size;
  /** A browser that asks for one of the page's files has not kept them all. */
  const pageFileAsked = () => pageFiles.size < pageFileCount;
  let scriptSent = false;
  const whenPageFilesSent = () => {
    if (!onPageSent) return;
    const call = onPageSent;
    onPageSent = undefined;
    call();
  };
  const first = firstScreenTracker();
  const server = createServer((req, res) => {
    first.requestStarted();
    res.once('close', () =>
      first.requestFinished(
        req.url?.startsWith('/api/') ? 'api' : isPageRequest(req.url ?? '') ? 'page' : 'other',
      ),
    );
    const reqHost = String(req.headers.host ?? '').toLowerCase();
    if (!hosts.has(reqHost)) return sendJson(res, 421, fail('bad-host', `refused Host header: ${reqHost}`));
    const origin = req.headers.origin;
    // "null" is what a sandboxed frame or a file: page sends: never the UI, which has its own origin.
    if (origin !== undefined && (origin === 'null' || !hosts.has(origin.replace(/^http:\/\//, '')))) {
      return sendJson(res, 403, fail('bad-origin', `refused Origin: ${origin}`));
    }
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://kubedeck.invalid');
    if (exchangeToken(guard, req, res, parsed)) return;
    const session = cookieValue(req, guard.cookie);
    if (session === undefined || !same(session, guard.session)) {
      if (url.startsWith('/api/'))
        return sendJson(
          res,
          401,
          fail('unauthorised', 'open the URL kubedeck serve printed (it carries a token)'),
        );
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(UNAUTHORISED_PAGE);
      return;
    }
    if (url.startsWith('/api/')) {
      handleApi(opts.core, url.slice(5).split('?')[0] ?? '', req, res).catch((e: Error) =>
        sendJson(res, 500, fail('internal', e.message)),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('method', 'GET only'));
    if (!opts.staticDir)
      return sendJson(res, 404, fail('no-ui', 'the UI is not built; run npm run build:renderer'));
    if (onPageSent && pageFiles.delete(parsed.pathname.slice(1))) {
      res.once('finish', () => {
        if (pageFiles.size === 0) whenPageFilesSent();
      });
    }
    if (onPageSent && !pageFileAsked() && isIndexPath(parsed.pathname)) {
      res.once('finish', () =>
        setTimeout(() => {
          if (!pageFileAsked()) whenPageFilesSent();
        }, CACHED_PAGE_WAIT_MS).unref(),
      );
    }
    if (onPageSent && !scriptSent && parsed.pathname.endsWith('.js')) {
      scriptSent = true;
      // A page file the browser had cached is never asked for: the warm-up does not wait for it for long.
      res.once('finish', () => setTimeout(whenPageFilesSent, PAGE_FILES_WAIT_MS).unref());
    }
    try {
      serveStatic(opts.staticDir, url, res);
    } catch {
      res.writeHead(400).end('bad request');
    }
  });
  return new Promise((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      hosts = allowedHosts(host, port);
      // Cookies ignore ports: two serve runs on one machine must not overwrite each other's session.
      guard.cookie = `kubedeck_${port}`;
      const shown = host.includes(':') ? `[${host}]` : host;
      const base = `http://${shown}:${port}/`;
      ok({
        url: `${base}?token=${guard.token}`,
        base,
        port,
        firstScreen: first.served,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
