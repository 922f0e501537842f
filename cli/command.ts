import type { Core } from '../core/app.ts';
import type { OptionSpec, Parsed } from './args.ts';

export type Io = { out: (s: string) => void; err: (s: string) => void; readStdin: () => Promise<string> };

export type CommandEnv = Parsed & { io: Io; json: boolean; lang: 'ko' | 'en'; core: () => Core };

/** What `kubedeck --help` and the argument parser need: cheap, known without loading the command. */
export type CommandMeta = {
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** Commands such as `grade` work without a database unless --db is given. */
  needsDb?: boolean;
};

/** A command's implementation. `run` returns the exit code (0 done, 1 could not do the job). */
export type CommandImpl = { run: (env: CommandEnv) => Promise<number> };

/** One `kubedeck <name>` subcommand, loaded with the CLI. */
export type Command = CommandMeta & CommandImpl;

/** One subcommand whose implementation (and everything it imports) loads only when it runs. */
export type LazyCommand = CommandMeta & { load: () => Promise<CommandImpl> };

export type CommandEntry = Command | LazyCommand;

export const loadCommand = async (c: CommandEntry): Promise<CommandImpl> => ('run' in c ? c : c.load());
