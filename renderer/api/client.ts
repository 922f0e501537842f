import type { ApiArgs, ApiName, ApiResult, Envelope } from '../../core/api.ts';

/**
 * The one function every transport provides: a handler name, its arguments and the UI language of this call in,
 * an envelope out. The language goes with every call so the core never holds a language of its own.
 */
export type Invoke = (name: string, args: unknown, lang: 'ko' | 'en') => Promise<Envelope<unknown>>;
/** What electron/preload.ts exposes as `window.kubedeck` (checked there with `satisfies`). */
export type Bridge = {
  invoke: Invoke;
  onMenu?: (listener: (command: string, detail?: unknown) => void) => () => void;
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

/** Raw envelope, for tests and for screens that show errors inline. */
export const send = invoke;
