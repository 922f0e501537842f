import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';

const FORMATS = ['apkg', 'csv', 'json'] as const;

export const exportCommand: CommandImpl = {
  async run({ values, core, io, json }) {
    const format = values.format;
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format))
      throw new KubedeckError('usage', `export: --format must be one of ${FORMATS.join(', ')}`, 2);
    if (typeof values.out !== 'string') throw new KubedeckError('usage', 'export: --out FILE is required', 2);
    if (format === 'json' && values.deck !== undefined)
      throw new KubedeckError(
        'usage',
        'export: a JSON backup holds every deck; --deck applies to apkg and csv',
        2,
      );
    const r = await core().call('export/run', {
      format: format as (typeof FORMATS)[number],
      out: values.out,
      deck: typeof values.deck === 'string' ? values.deck : undefined,
      withHistory: values['with-history'] === true,
    });
    if (json) io.out(JSON.stringify(r));
    else io.out(`${r.file}: ${r.cards} cards, ${r.notes} notes, ${r.reviews} reviews (${r.ms} ms)`);
    return 0;
  },
};
