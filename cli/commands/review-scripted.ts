import { KubedeckError } from '../../db/errors.ts';
import type { CommandEnv, CommandImpl } from '../command.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const print = (env: CommandEnv, value: unknown, text: string) =>
  env.io.out(env.json ? JSON.stringify(value) : text);

export const nextCommand: CommandImpl = {
  async run(env) {
    const r = await env.core().call('review/next', { deck: str(env.values.deck) });
    const c = r.counts;
    const counts = `new ${c.new} · learning ${c.learning} · review ${c.review}`;
    if (!r.card || !r.previews) print(env, r, `nothing due now (${counts})`);
    else {
      const p = r.previews;
      print(
        env,
        r,
        `${r.card.id}  [${r.card.deck}] ${r.card.state}\n${r.card.prompt}\n(${counts})  again ${p.again.label} · hard ${p.hard.label} · good ${p.good.label} · easy ${p.easy.label}`,
      );
    }
    return 0;
  },
};

export const rateCommand: CommandImpl = {
  async run(env) {
    const [cardId, rating, ...extra] = env.positionals;
    if (!cardId || !rating || extra.length > 0)
      throw new KubedeckError('usage', 'rate: give a card id and again|hard|good|easy', 2);
    if (!['again', 'hard', 'good', 'easy'].includes(rating))
      throw new KubedeckError('usage', `rate: rating must be again, hard, good or easy, not "${rating}"`, 2);
    const ms = str(env.values['elapsed-ms']);
    const elapsedMs = ms === undefined ? 0 : Number(ms);
    if (!Number.isInteger(elapsedMs) || elapsedMs < 0)
      throw new KubedeckError(
        'usage',
        `rate: --elapsed-ms must be a whole number of milliseconds, not "${ms}"`,
        2,
      );
    const r = await env
      .core()
      .call('review/rate', { cardId, rating: rating as 'good', elapsedMs, early: env.values.early === true });
    print(
      env,
      { card: r.card, ...(r.leech ? { leech: true, message: r.message } : {}) },
      `${r.card.id} → ${r.card.state}, due ${r.card.due}${r.message ? `\n${r.message}` : ''}`,
    );
    if (r.message && env.json) env.io.err(r.message);
    return 0;
  },
};

export const undoCommand: CommandImpl = {
  async run(env) {
    const r = await env.core().call('review/undo', {});
    print(env, r, `undone: ${r.undone} is ${r.card.state} again${r.card.due ? `, due ${r.card.due}` : ''}`);
    return 0;
  },
};

const actionCommand = (name: 'suspend' | 'unsuspend' | 'bury'): CommandImpl => ({
  async run(env) {
    const [cardId, ...extra] = env.positionals;
    if (!cardId || extra.length > 0) throw new KubedeckError('usage', `${name}: give one card id`, 2);
    const r = await env.core().call(`review/${name}`, { cardId });
    print(
      env,
      { card: r },
      `${r.id}: ${r.suspended ? 'suspended' : r.buriedUntil ? `buried until ${r.buriedUntil}` : 'active'}`,
    );
    return 0;
  },
});

export const suspendCommand = actionCommand('suspend');
export const unsuspendCommand = actionCommand('unsuspend');
export const buryCommand = actionCommand('bury');
