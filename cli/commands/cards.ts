import type { CommandImpl } from '../command.ts';

export const cardsCommand: CommandImpl = {
  async run({ values, core, io, json }) {
    const cards = await core().call('cards/list', {
      deck: typeof values.deck === 'string' ? values.deck : undefined,
    });
    if (json) io.out(JSON.stringify({ cards }));
    else
      for (const c of cards)
        io.out(
          `${c.id}  [${c.deck}] ${c.kind}${c.suspended ? ' (suspended)' : ''}  ${c.prompt.replace(/\n/g, ' ⏎ ')}  →  ${c.answer.replace(/\n/g, ' ⏎ ')}`,
        );
    return 0;
  },
};

export const decksCommand: CommandImpl = {
  async run({ core, io, json }) {
    const decks = await core().call('decks/list', {});
    if (json) io.out(JSON.stringify({ decks }));
    else
      for (const d of decks)
        io.out(
          `${d.name}  (${d.lang ?? '?'}${d.bundled ? ', bundled' : ''})  cards ${d.cards}, new ${d.new}, suspended ${d.suspended}`,
        );
    return 0;
  },
};
