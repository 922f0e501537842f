import type { z } from 'zod';
import type { Ctx } from './context.ts';

/** One entry of the handler table: a zod schema for its arguments and the function that does the work. */
export type HandlerDef<S extends z.ZodType, R> = {
  args: S;
  run: (ctx: Ctx, args: z.output<S>) => R | Promise<R>;
};

// biome-ignore lint/suspicious/noExplicitAny: the table is heterogeneous by design; each entry keeps its own types.
export type HandlerTable = Record<string, HandlerDef<any, any>>;

export const defineHandlers = <T extends HandlerTable>(table: T): T => table;
