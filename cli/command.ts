import type { Core } from '../core/app.ts';
import type { OptionSpec, Parsed } from './args.ts';

export type Io = { out: (s: string) => void; err: (s: string) => void; readStdin: () => Promise<string> };

export type CommandEnv = Parsed & { io: Io; json: boolean; lang: 'ko' | 'en'; core: () => Core };

/** One `kubedeck <name>` subcommand. `run` returns the exit code (0 done, 1 could not do the job). */
export type Command = {
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** Commands such as `grade` work without a database unless --db is given. */
  needsDb?: boolean;
  run: (env: CommandEnv) => Promise<number>;
};
