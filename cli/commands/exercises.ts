import { tr } from '../../core/i18n/index.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';
import { coreWithDir } from '../core-with-dir.ts';

export const exercisesCommand: CommandImpl = {
  async run({ values, core, io, json, lang }) {
    const list = await coreWithDir(core, values.dir).call('exercises/list', {});
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

export const exerciseCommand: CommandImpl = {
  async run({ positionals, values, core, io, json, lang }) {
    if (positionals.length !== 1) throw new KubedeckError('usage', 'exercise: name one exercise id', 2);
    const ex = await coreWithDir(core, values.dir).call('exercises/get', { id: positionals[0]! });
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
