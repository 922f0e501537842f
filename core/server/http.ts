import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiName, Envelope } from '../api.ts';
import type { Core } from '../app.ts';
import { isLang } from '../i18n/index.ts';
import { contentTypeOf } from './content-type.ts';

export type ServeOptions = {
  core: Core;
  /** Built renderer folder (index.html + assets); null serves the API only. */
  staticDir: string | null;
  port?: number;
  host?: string;
};

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

const MAX_BODY = 4 * 1024 * 1024;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        bad(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', bad);
  });
}

async function handleApi(core: Core, name: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'POST') return sendJson(res, 405, fail('method', 'use POST for /api calls'));
  // A cross-site <form> can only send form encodings; requiring JSON keeps simple requests out.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
    return sendJson(res, 415, fail('content-type', 'send Content-Type: application/json'));
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch (e) {
    return sendJson(res, 400, fail('bad-json', `request body is not JSON: ${(e as Error).message}`));
  }
  const lang = req.headers['x-kubedeck-lang'];
  const envelope = await core.send(name as ApiName, args, { lang: isLang(lang) ? lang : undefined });
  sendJson(res, 200, envelope);
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
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

/** The `kubedeck serve` transport: the renderer plus `POST /api/<handler>` → Envelope, loopback only by default. */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    const reqHost = String(req.headers.host ?? '').toLowerCase();
    if (!hosts.has(reqHost)) return sendJson(res, 421, fail('bad-host', `refused Host header: ${reqHost}`));
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== 'null' && !hosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendJson(res, 403, fail('bad-origin', `refused Origin: ${origin}`));
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      handleApi(opts.core, url.slice(5).split('?')[0] ?? '', req, res).catch((e: Error) =>
        sendJson(res, 500, fail('internal', e.message)),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('method', 'GET only'));
    if (!opts.staticDir)
      return sendJson(res, 404, fail('no-ui', 'the UI is not built; run npm run build:renderer'));
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
      const shown = host.includes(':') ? `[${host}]` : host;
      ok({
        url: `http://${shown}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
