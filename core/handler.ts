import type { z } from 'zod';
import type { Ctx } from './context.ts';

/** How far long work has come: files read, then cards written. Transports may stream these (NDJSON, IPC). */
export type ProgressEvent = { phase: 'read' | 'write'; done: number; total: number };
export type Progress = (p: ProgressEvent) => void;

/** One entry of the handler table: a zod schema for its arguments and the function that does the work. */
export type HandlerDef<S extends z.ZodType, R> = {
  args: S;
  run: (ctx: Ctx, args: z.output<S>, progress?: Progress) => R | Promise<R>;
  /**
   * The handler holds a write transaction across awaits (to report progress); other calls wait until it ends so
   * none of their writes land inside it.
   */
  exclusive?: boolean;
};

// biome-ignore lint/suspicious/noExplicitAny: the table is heterogeneous by design; each entry keeps its own types.
export type HandlerTable = Record<string, HandlerDef<any, any>>;

export const defineHandlers = <T extends HandlerTable>(table: T): T => table;
