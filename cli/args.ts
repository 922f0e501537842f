import { type ParseArgsConfig, parseArgs } from 'node:util';
import { KubedeckError } from '../db/errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Flags every command takes. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  'no-bundled': { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export type Parsed = {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
};

export function parseCommandArgs(argv: string[], options: OptionSpec): Parsed {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { positionals, values: values as Parsed['values'] };
  } catch (e) {
    throw new KubedeckError('usage', (e as Error).message.split('\n')[0]!, 2);
  }
}

/** `--now 2026-03-01T09:00:00+09:00` freezes the clock for the whole run. */
export function parseNow(value: unknown): (() => Date) | undefined {
  if (value === undefined) return undefined;
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime()))
    throw new KubedeckError('usage', `--now: not an ISO-8601 time: ${String(value)}`, 2);
  return () => d;
}
