import { checksOfCard, dismissCheck, undismissCheck } from '../../db/note-checks.ts';
import type { Ctx } from '../context.ts';
import { requireCard } from './rate.ts';

/** A Kubernetes check finding as a card shows it, in the language of the call. */
export type CardCheck = {
  /** What `note-checks/dismiss` names. */
  key: string;
  kind: 'fact' | 'manifest' | 'outdated';
  line: number;
  said: string;
  kubernetes: string;
  about: string;
  source: string;
  dismissed: boolean;
};

export function cardChecks(ctx: Ctx, cardId: string): CardCheck[] {
  const ko = ctx.lang === 'ko';
  return checksOfCard(ctx.db, cardId).map((r) => ({
    key: r.check_key,
    kind: r.kind,
    line: r.line,
    said: r.said,
    kubernetes: ko ? r.kubernetes_ko : r.kubernetes_en,
    about: ko ? r.about_ko : r.about_en,
    source: r.source,
    dismissed: r.dismissed === 1,
  }));
}

/** The learner decided the note is right for them (or will fix it later): the card stops showing this one. */
export function setCheckDismissed(ctx: Ctx, cardId: string, key: string, dismissed: boolean): CardCheck[] {
  requireCard(ctx, cardId);
  ctx.db
    .transaction(() => {
      if (dismissed) dismissCheck(ctx.db, cardId, key, ctx.now().getTime());
      else undismissCheck(ctx.db, cardId, key);
    })
    .immediate();
  return cardChecks(ctx, cardId);
}
