import { KubedeckError } from '../../db/errors.ts';
import { setBuriedUntil, setSuspended } from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { type RatedCard, ratedCard, requireCard } from './rate.ts';
import type { Session } from './session.ts';

export type CardAction = 'suspend' | 'unsuspend' | 'bury';

/** Suspend (never shows), unsuspend, or bury until the next day starts. */
export function cardAction(
  ctx: Ctx,
  s: Session,
  id: string,
  action: CardAction,
): RatedCard & { suspended: boolean; buriedUntil: string | null } {
  const row = requireCard(ctx, id);
  if (action === 'unsuspend' && row.orphaned === 1)
    throw new KubedeckError('card-orphaned', tr(ctx.lang, 'core.cardOrphaned', { id }));
  if (action === 'bury') setBuriedUntil(ctx.db, id, s.day.end, s.now);
  else setSuspended(ctx.db, id, action === 'suspend', s.now);
  const after = requireCard(ctx, id);
  return {
    ...ratedCard(after),
    suspended: after.suspended === 1,
    buriedUntil:
      after.buried_until !== null && after.buried_until > s.now
        ? new Date(after.buried_until).toISOString()
        : null,
  };
}
