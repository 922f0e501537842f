import type { Density, ParsedCard, ScoredCard, ScoreFeature } from '../types.ts';
import { viewOf } from './card-view.ts';
import { DENSITIES, isDensity } from './densities.ts';
import { FEATURES } from './features.ts';
import { isExplicitRule, RULES } from './rule-priors.ts';

/**
 * The score line a candidate must reach to become a card, per density; under it but over the floor it is a
 * suggestion. Tuned on the judged bank so that `standard` keeps the cards two blind judges keep.
 */
export const DENSITY_LINE: Record<Density, number> = { fewer: 0.75, standard: 0.65, more: 0.55 };
export const SUGGESTION_FLOOR = 0.4;

export { DENSITIES, isDensity };

/** A candidate's score: its rule's prior plus the weights of the features that hold, rounded to hundredths. */
export function scoreCard(card: ParsedCard): { score: number; features: ScoreFeature[] } {
  const prior = RULES[card.rule]?.prior ?? 0.3;
  if (isExplicitRule(card.rule)) return { score: 1, features: [{ name: 'written-as-a-card', weight: 0 }] };
  const v = viewOf(card);
  const features: ScoreFeature[] = [{ name: `rule:${card.rule}`, weight: prior }];
  let score = prior;
  for (const f of FEATURES)
    if (f.holds(v)) {
      features.push({ name: f.name, weight: f.weight });
      score += f.weight;
    }
  return { score: Math.round(score * 100) / 100, features };
}

/**
 * The fact a candidate asks: its source line, or for manifest cards the line and what it hides (one manifest
 * holds many fields), or for a column of a table of lists the line and the column. Candidates of one fact compete; only the best may become a card.
 */
function factOf(c: ParsedCard): string {
  if (c.rule === 'manifest-field' || c.rule === 'manifest-apiversion' || c.rule === 'manifest')
    return `${c.line}\u0000${c.rule}\u0000${c.answer}`;
  // The columns of a table of side-by-side lists start on one line and are lists of their own.
  if (c.rule === 'table' && c.kind === 'list') return `${c.line}\u0000${c.prompt}`;
  return String(c.line);
}

/** A short answer is a value: asked twice in one note, it is one fact (the second card only repeats the first). */
function valueAsked(c: ParsedCard): string | null {
  const a = c.answer.replace(/[`*]/g, '').trim().toLowerCase();
  return a.length > 0 && a.length <= 40 && !a.includes('\n') ? `${c.kind}\u0000${a}` : null;
}

/** Term-definition lines within this many lines of each other belong to one glossary. */
const GLOSSARY_GAP = 2;
const GLOSSARY_ENTRY = 0.15;

/**
 * "cache: …", "loop: …", "reload: …" one under another: a writer's glossary, whose plain-word terms are names
 * (of plugins, fields, directories), not words picked out of prose. Each entry with a neighbour gains.
 */
function markGlossaries(scored: ScoredCard[]): void {
  const lines = scored.filter((s) => s.rule === 'term-definition').map((s) => s.line);
  for (const s of scored) {
    if (s.rule !== 'term-definition') continue;
    const near = lines.filter((l) => l !== s.line && Math.abs(l - s.line) <= GLOSSARY_GAP).length;
    if (near < 1) continue;
    s.features.push({ name: 'glossary-entry', weight: GLOSSARY_ENTRY });
    s.score = Math.round((s.score + GLOSSARY_ENTRY) * 100) / 100;
  }
}

export type Selection = {
  cards: ParsedCard[];
  suggestions: ScoredCard[];
  /** Every candidate with its score and verdict, for `--explain`. */
  scored: ScoredCard[];
};

/**
 * One selection step decides which candidates become cards: each is scored, the best of each fact (a line, a
 * value) competes with the density line, and the rest are suggestions or dropped. Cards the learner wrote as cards
 * always stay. The cards keep the note's order.
 */
export function selectCards(candidates: ParsedCard[], density: Density = 'standard'): Selection {
  const line = DENSITY_LINE[density];
  const scored: ScoredCard[] = candidates.map((c) => ({ ...c, ...scoreCard(c), verdict: 'dropped' }));
  markGlossaries(scored);
  const best = new Map<string, ScoredCard>();
  const compete = (key: string | null, s: ScoredCard) => {
    if (key === null) return true;
    const held = best.get(key);
    if (held) {
      s.lostTo = held.prompt;
      // When the winner is no card either, the learner is offered both: nothing the rules found is lost.
      if (held.verdict !== 'card' && s.score >= SUGGESTION_FLOOR) s.verdict = 'suggestion';
      return false;
    }
    best.set(key, s);
    return true;
  };
  // Best first, so a fact's winner is settled before its weaker candidates are looked at.
  const order = scored.map((_, k) => k).sort((a, b) => scored[b]!.score - scored[a]!.score || a - b);
  for (const k of order) {
    const s = scored[k]!;
    if (isExplicitRule(s.rule)) {
      s.verdict = 'card';
      continue;
    }
    if (!compete(`fact\u0000${factOf(s)}`, s)) continue;
    const value = valueAsked(s);
    if (value !== null && !compete(`value\u0000${value}`, s)) continue;
    s.verdict = s.score >= line ? 'card' : s.score >= SUGGESTION_FLOOR ? 'suggestion' : 'dropped';
  }
  const cards: ParsedCard[] = [];
  const suggestions: ScoredCard[] = [];
  for (let k = 0; k < scored.length; k++) {
    const s = scored[k]!;
    if (s.verdict === 'card') cards.push(candidates[k]!);
    else if (s.verdict === 'suggestion') suggestions.push(s);
  }
  return { cards, suggestions, scored };
}
