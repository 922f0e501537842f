import type { ApiArgs, ApiName, ApiResult, Envelope } from '../../core/api.ts';
import type { ProgressEvent } from '../../core/handler.ts';

/**
 * The one function every transport provides: a handler name, its arguments and the UI language of this call in,
 * an envelope out. The language goes with every call so the core never holds a language of its own.
 */
export type Invoke = (name: string, args: unknown, lang: 'ko' | 'en') => Promise<Envelope<unknown>>;
export type { ProgressEvent };
/** A call whose handler reports progress (imports): events while it runs, then the envelope. */
export type InvokeWithProgress = (
  name: string,
  args: unknown,
  lang: 'ko' | 'en',
  onProgress: (p: ProgressEvent) => void,
) => Promise<Envelope<unknown>>;
/**
 * What electron/preload.ts exposes as `window.kubedeck` (checked there with `satisfies`). The optional members are
 * the desktop's own abilities; the browser (kubedeck serve) goes without them and says so in the UI.
 */
export type Bridge = {
  invoke: Invoke;
  invokeWithProgress?: InvokeWithProgress;
  /** Menu commands (import, go to a screen, shortcuts); returns the unsubscribe function. */
  onMenu?: (listener: (command: string, detail?: unknown) => void) => () => void;
  /** The native open dialog: absolute paths of the picked Markdown files or folder; null when cancelled. */
  pickNotes?: (kind: 'files' | 'folder') => Promise<string[] | null>;
  /** Opens a note in the system's editor (shell.openPath). */
  openNote?: (path: string, line: number) => Promise<void>;
  /** The path on disk of a file dropped on the window (webUtils.getPathForFile). */
  pathForFile?: (file: File) => string;
};

declare global {
  interface Window {
    kubedeck?: Bridge;
  }
}

/** An error whose message came from the core (already localised); never carries a server stack. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

let uiLang: 'ko' | 'en' = 'ko';
/** Every transport tells the core which language to answer in, per call. */
export const setApiLang = (lang: 'ko' | 'en') => {
  uiLang = lang;
};

const httpInvoke: Invoke = async (name, args, lang) => {
  let res: Response;
  try {
    res = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kubedeck-lang': lang },
      body: JSON.stringify(args ?? {}),
    });
  } catch (e) {
    return { ok: false, error: { code: 'offline', message: (e as Error).message } };
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'http', message: `HTTP ${res.status}` } };
  }
};

export const transportName = (): 'electron' | 'http' => (window.kubedeck ? 'electron' : 'http');

function invoke(name: string, args: unknown): Promise<Envelope<unknown>> {
  return window.kubedeck ? window.kubedeck.invoke(name, args, uiLang) : httpInvoke(name, args, uiLang);
}

/** Typed call: the name must exist in the core's handler table, the args and result follow its types. */
export async function call<K extends ApiName>(name: K, args: ApiArgs<K>): Promise<ApiResult<K>> {
  const env = await invoke(name, args);
  if (!env.ok) throw new ApiCallError(env.error.code, env.error.message);
  return env.value as ApiResult<K>;
}

/**
 * For handlers other helpers are still adding: typed by the table once the name exists there,
 * otherwise by the shape the screen expects (`F`): `callMaybe<'review/next', Due | null>('review/next', {})`. Unknown names fail at run time with a clean message.
 */
export type Maybe<K extends string, F> = K extends ApiName ? ApiResult<K> : F;
export async function callMaybe<K extends string, F>(
  name: K,
  args: K extends ApiName ? ApiArgs<K> : Record<string, unknown>,
): Promise<Maybe<K, F>> {
  const env = await invoke(name, args);
  if (!env.ok) throw new ApiCallError(env.error.code, env.error.message);
  return env.value as Maybe<K, F>;
}

/** NDJSON over HTTP: `{"progress":…}` lines while the handler runs, the envelope as the last line. */
const httpInvokeWithProgress: InvokeWithProgress = async (name, args, lang, onProgress) => {
  let res: Response;
  try {
    res = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        'x-kubedeck-lang': lang,
      },
      body: JSON.stringify(args ?? {}),
    });
  } catch (e) {
    return { ok: false, error: { code: 'offline', message: (e as Error).message } };
  }
  if (!res.body || !(res.headers.get('content-type') ?? '').includes('ndjson')) {
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'http', message: `HTTP ${res.status}` } };
    }
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let last: Envelope<unknown> | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) {
        const msg = JSON.parse(line) as { progress?: ProgressEvent } & Partial<Envelope<unknown>>;
        if (msg.progress) onProgress(msg.progress);
        else last = msg as Envelope<unknown>;
      }
      nl = buffered.indexOf('\n');
    }
    if (done) break;
  }
  return last ?? { ok: false, error: { code: 'http', message: 'the server closed the stream early' } };
};

/** A typed call that reports progress; the desktop bridge without progress support still gets the result. */
export async function callWithProgress<K extends ApiName>(
  name: K,
  args: ApiArgs<K>,
  onProgress: (p: ProgressEvent) => void,
): Promise<ApiResult<K>> {
  const bridge = window.kubedeck;
  const env = bridge
    ? bridge.invokeWithProgress
      ? await bridge.invokeWithProgress(name, args, uiLang, onProgress)
      : await bridge.invoke(name, args, uiLang)
    : await httpInvokeWithProgress(name, args, uiLang, onProgress);
  if (!env.ok) throw new ApiCallError(env.error.code, env.error.message);
  return env.value as ApiResult<K>;
}

/** The desktop bridge, when there is one (for its native dialogs and editor). */
export const bridge = (): Bridge | undefined => window.kubedeck;

/** Raw envelope, for tests and for screens that show errors inline. */
export const send = invoke;
