import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { sessionCookie } from '../e2e/harness.ts';

const CHILD = join(import.meta.dirname, 'serve-child.mjs');

export type ApiReply = {
  status: number;
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
};
export type ApiServer = {
  url: string;
  /** The session cookie (`name=value`) every API call must carry. */
  cookie: string;
  child: ChildProcess;
  /** POST /api/<name> with a JSON body; returns the HTTP status and the envelope. */
  post: (name: string, args?: unknown) => Promise<ApiReply>;
  /** POST a raw body (for size and name tests). */
  raw: (path: string, body: string) => Promise<{ status: number; text: string }>;
  stderr: () => string;
  stop: () => Promise<void>;
};

/** A real HTTP server on the core in its own process (the `kubedeck serve` transport, without the UI build). */
export async function startApiServer(dbPath: string, env: Record<string, string> = {}): Promise<ApiServer> {
  const child = spawn(process.execPath, [CHILD, dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KUBEDECK_NO_BUNDLED: '1', ...env },
  });
  let err = '';
  let tokenUrl = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const url = await new Promise<string>((ok, bad) => {
    let out = '';
    const timer = setTimeout(() => bad(new Error(`server did not start:\n${err}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?token=[\w-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        tokenUrl = m[0];
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => bad(new Error(`server exited ${code}:\n${err}`)));
  });
  // What the first page load does: the printed URL's token becomes the session cookie every API call carries.
  const cookie = await sessionCookie(tokenUrl);
  const raw: ApiServer['raw'] = async (path, body) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  return {
    url,
    cookie,
    child,
    raw,
    post: async (name, args = {}) => {
      const r = await raw(`api/${name}`, JSON.stringify(args));
      return { status: r.status, ...(JSON.parse(r.text) as Omit<ApiReply, 'status'>) };
    },
    stderr: () => err,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
