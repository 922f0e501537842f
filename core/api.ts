import type { z } from 'zod';
import type { handlers } from './handlers/index.ts';

type Table = typeof handlers;

/** The typed contract, derived from the handler table so a handler and its type can never drift apart. */
export type Api = {
  [K in keyof Table]: (args: z.input<Table[K]['args']>) => Promise<Awaited<ReturnType<Table[K]['run']>>>;
};
export type ApiName = keyof Api;
export type ApiArgs<K extends ApiName> = Parameters<Api[K]>[0];
export type ApiResult<K extends ApiName> = Awaited<ReturnType<Api[K]>>;

export type ApiError = { code: string; message: string };
/** What crosses a transport: never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
