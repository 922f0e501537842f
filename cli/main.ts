import { type Core, openCore } from '../core/app.ts';
import { KubedeckError } from '../db/errors.ts';
import { GLOBAL_OPTIONS, parseCommandArgs, parseNow } from './args.ts';
import { type Io, loadCommand } from './command.ts';
import { commands } from './commands/index.ts';

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'kubedeck — Kubernetes networking study decks, FSRS reviews and YAML exercise grading',
    '',
    'Usage: kubedeck <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db PATH (or KUBEDECK_DB), --now ISO-8601, --json, --lang ko|en, --no-bundled, --debug.',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code: 0 done, 1 could not do the job, 2 usage error. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`kubedeck: unknown command "${name}" (try kubedeck --help)`);
    return 2;
  }
  const debug = rest.includes('--debug');
  let core: Core | undefined;
  try {
    const parsed = parseCommandArgs(rest, command.options ?? {});
    if (parsed.values.help) {
      io.out(`Usage: kubedeck ${command.usage}\n${command.summary}`);
      return 0;
    }
    const lang = parsed.values.lang ?? process.env.KUBEDECK_LANG ?? 'en';
    if (lang !== 'ko' && lang !== 'en')
      throw new KubedeckError('usage', `--lang must be ko or en, not ${String(lang)}`, 2);
    const now = parseNow(parsed.values.now);
    const impl = await loadCommand(command);
    return await impl.run({
      ...parsed,
      io,
      json: parsed.values.json === true,
      lang,
      core: () => {
        core ??= openCore({
          dbPath: typeof parsed.values.db === 'string' ? parsed.values.db : undefined,
          now,
          lang,
          bundled: parsed.values['no-bundled'] ? false : undefined,
        });
        for (const notice of core.notices.splice(0)) io.err(`kubedeck ${name}: ${notice}`);
        if (core.ctx.readOnly)
          io.err(
            `kubedeck ${name}: ${core.ctx.dbPath} is read-only (its file or folder cannot be written): showing it, but nothing can be saved`,
          );
        return core;
      },
    });
  } catch (e) {
    if (e instanceof KubedeckError) {
      io.err(`kubedeck ${name}: ${e.message}`);
      if (debug) io.err(e.stack ?? '');
      return e.exitCode;
    }
    io.err(`kubedeck ${name}: ${(e as Error).message}`);
    if (debug) io.err((e as Error).stack ?? '');
    return 1;
  } finally {
    await core?.shutdown();
  }
}

export { GLOBAL_OPTIONS };
