import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';
import { tuiStrings } from '../review-ui/strings.ts';

export const reviewCommand: CommandImpl = {
  async run(env) {
    if (!process.stdin.isTTY) {
      throw new KubedeckError(
        'usage',
        'review needs a terminal; scripts use kubedeck next and kubedeck rate',
        2,
      );
    }
    const deck = typeof env.values.deck === 'string' ? env.values.deck : undefined;
    const core = env.core();
    if (deck !== undefined) await core.call('review/counts', { deck }); // an unknown deck fails before the screen opens
    // ink takes seconds to load on a slow machine; only this command needs it, so every other one starts without.
    const [{ render }, { ReviewApp }] = await Promise.all([
      import('ink'),
      import('../review-ui/ReviewApp.tsx'),
    ]);
    const app = render(<ReviewApp core={core} deck={deck} t={tuiStrings(env.lang)} />);
    await app.waitUntilExit();
    return 0;
  },
};
