import { tr } from '../../core/i18n/index.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Command } from '../command.ts';

const dirOption = { dir: { type: 'string' } } as const;
const dirOf = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const exercisesCommand: Command = {
  name: 'exercises',
  usage: 'exercises [--dir PATH] [--json]',
  summary: 'list the YAML exercises (bundled, or your own folder with --dir)',
  options: dirOption,
  needsDb: false,
  async run({ values, core, io, json, lang }) {
    const list = await core().call('exercises/list', { dir: dirOf(values.dir) });
    if (json) {
      io.out(JSON.stringify({ exercises: list }));
      return 0;
    }
    const width = Math.max(0, ...list.map((e) => e.id.length));
    for (const e of list)
      io.out(`${e.id.padEnd(width)}  ${`[${e.topic}, ${e.difficulty}]`.padEnd(26)} ${e.title[lang]}`);
    return 0;
  },
};

export const exerciseCommand: Command = {
  name: 'exercise',
  usage: 'exercise <id> [--dir PATH] [--json]',
  summary: 'print an exercise task (answer it with kubedeck grade)',
  options: dirOption,
  needsDb: false,
  async run({ positionals, values, core, io, json, lang }) {
    if (positionals.length !== 1) throw new KubedeckError('usage', 'exercise: name one exercise id', 2);
    const ex = await core().call('exercises/get', { id: positionals[0]!, dir: dirOf(values.dir) });
    if (json) {
      io.out(JSON.stringify({ exercise: ex }));
      return 0;
    }
    io.out(`${ex.title[lang]}  (${ex.id}, ${ex.topic}, ${ex.difficulty})\n`);
    io.out(ex.task[lang].trimEnd());
    if (ex.hints.length) {
      io.out(`\n${tr(lang, 'cli.moreHints', { n: ex.hints.length, id: ex.id })}`);
    }
    return 0;
  },
};
