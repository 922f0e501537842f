import { KubedeckError } from '../../db/errors.ts';
import { setBuriedUntil, setSuspended } from '../../db/review.ts';
import type { Ctx } from '../context.ts';
import { tr } from '../i18n/index.ts';
import { pushActionUndo, type RatedCard, ratedCard, requireCard } from './rate.ts';
import type { Session } from './session.ts';

export type CardAction = 'suspend' | 'unsuspend' | 'bury';

/**
 * Suspend (never shows), unsuspend, or bury until the next day starts. From Review (`undoable`), the action is
 * the latest thing U takes back, as a rating is.
 */
export function cardAction(
  ctx: Ctx,
  s: Session,
  id: string,
  action: CardAction,
  opts: { undoable?: boolean } = {},
): RatedCard & { suspended: boolean; buriedUntil: string | null } {
  const row = requireCard(ctx, id);
  if (action === 'unsuspend' && row.orphaned === 1)
    throw new KubedeckError('card-orphaned', tr(ctx.lang, 'core.cardOrphaned', { id }));
  ctx.db
    .transaction(() => {
      if (opts.undoable) pushActionUndo(ctx, row, s.now);
      if (action === 'bury') setBuriedUntil(ctx.db, id, s.day.end, s.now);
      else setSuspended(ctx.db, id, action === 'suspend', s.now);
    })
    .immediate();
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
