import { toText } from '../../core/settings/schema.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';

export const settingsCommand: CommandImpl = {
  async run({ positionals, core, io, json }) {
    if (positionals.length !== 0 && positionals.length !== 2)
      throw new KubedeckError('usage', 'settings: give no arguments, or a key and a value', 2);
    const [key, value] = positionals;
    const s =
      key !== undefined && value !== undefined
        ? await core().call('settings/set', { key, value })
        : await core().call('settings/get', {});
    if (json) io.out(JSON.stringify({ settings: s }));
    else for (const [k, v] of Object.entries(s)) io.out(`${k} = ${toText(v)}`);
    return 0;
  },
};
