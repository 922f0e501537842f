import { render } from 'ink';
import { KubedeckError } from '../../db/errors.ts';
import type { Command } from '../command.ts';
import { ReviewApp } from '../review-ui/ReviewApp.tsx';
import { tuiStrings } from '../review-ui/strings.ts';

export const reviewCommand: Command = {
  name: 'review',
  usage: 'review [--deck NAME]',
  summary: 'review in the terminal: space shows the answer, 1–4 rate, u undoes, t types the answer, q quits',
  options: { deck: { type: 'string' } },
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
    const app = render(<ReviewApp core={core} deck={deck} t={tuiStrings(env.lang)} />);
    await app.waitUntilExit();
    return 0;
  },
};
