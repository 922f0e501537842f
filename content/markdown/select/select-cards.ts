import type { Density, ParsedCard, ScoredCard, ScoreFeature } from '../types.ts';
import { viewOf } from './card-view.ts';
import { DENSITIES, isDensity } from './densities.ts';
import { FEATURES } from './features.ts';
import { isExplicitRule } from './rule-priors.ts';
import { GLOSSARY_ENTRY_GAIN, junkWeightOf, priorOf, signAgainst, vetoOn, weightOf } from './weights.ts';

/**
 * The score line a candidate must reach to become a card, per density; under it but over the floor it is a
 * suggestion. A score is about the share of such cards blind judges keep (weights.ts); `standard` asks for a
 * little over half, which on notes the weights were not fitted to kept about two cards in three.
 *
 * `all` is for notes written as cards line by line, such as the bundled decks: every candidate is a card unless a
 * sign against it holds (a feature its author weighed below zero); one that does is a suggestion, and one a veto
 * holds on (the answer in plain sight, pasted output) is dropped. It has no line: its 0 decides nothing.
 */
export const DENSITY_LINE: Record<Density, number> = { fewer: 0.6, standard: 0.5, more: 0.4, all: 0 };
export const SUGGESTION_FLOOR = 0.3;

/**
 * A candidate over the line is still only a suggestion when its junk risk (weights.ts: about the share of such
 * cards judges threw away) reaches this cap. The score says how often such a card is kept, and a card judges would
 * trim (EDIT) costs the learner a minute; one they would delete costs trust, so it is weighed on its own. Held out by
 * set, the standard cap took the JUNK share of the cards over the line from 11 % to 8 %, for a fifth of the cards
 * (scripts/fit-weights.ts prints it). `all` reads the signs against a card instead, and has no cap.
 */
export const JUNK_CAP: Record<Density, number> = {
  fewer: 0.15,
  standard: 0.2,
  more: 0.25,
  all: Number.POSITIVE_INFINITY,
};
/**
 * A question the learner wrote with its answer (`Q:`/`A:`, `<details>`) is theirs, as a card written as a card is:
 * its score still weighs it, but the junk risk, learnt from cards the rules made out of prose, is no cap on it.
 */
const ASKED_BY_THE_LEARNER: ReadonlySet<ParsedCard['rule']> = new Set(['question-answer', 'details']);

/** Term-definition lines within this many lines of each other belong to one glossary. */
const GLOSSARY_GAP = 2;

export { DENSITIES, isDensity };

/** The features with the weights they score with, and what each adds to a candidate's junk risk. */
const WEIGHTED = FEATURES.map((f) => ({ ...f, weight: weightOf(f), junk: junkWeightOf(f.name) }));
const GLOSSARY_ENTRY_JUNK = junkWeightOf('glossary-entry');
const ruleJunk = (rule: ParsedCard['rule']) => junkWeightOf(`rule:${rule}`);

/** Scores are kept to hundredths; the quick score and the full one must round alike to give the same cards. */
const hundredths = (score: number) => Math.round(score * 100) / 100;

type Scored = { score: number; junkRisk: number };

/**
 * A candidate's score: its rule's prior plus the weights of the features that hold; and its junk risk, the junk
 * weights of the same. Both rounded to hundredths.
 */
export function scoreCard(card: ParsedCard): Scored & { features: ScoreFeature[] } {
  const prior = priorOf(card.rule);
  if (isExplicitRule(card.rule))
    return { score: 1, junkRisk: 0, features: [{ name: 'written-as-a-card', weight: 0 }] };
  const v = viewOf(card);
  const features: ScoreFeature[] = [{ name: `rule:${card.rule}`, weight: prior }];
  let score = prior;
  let junk = ruleJunk(card.rule);
  for (const f of WEIGHTED)
    if (f.holds(v)) {
      features.push({ name: f.name, weight: f.weight });
      score += f.weight;
      junk += f.junk;
    }
  return { score: hundredths(score), junkRisk: hundredths(junk), features };
}

/**
 * The features in the order the quick score reads them: every gain first, then the losses, largest first. Once the
 * gains are counted, a candidate already under the cut-off can only fall further, so its remaining features are
 * not read.
 */
const GAINS_THEN_LOSSES = [
  ...WEIGHTED.filter((f) => f.weight > 0),
  ...WEIGHTED.filter((f) => f.weight <= 0).sort((a, b) => a.weight - b.weight),
];
/**
 * Under this before the glossary bonus, a candidate can reach neither the suggestion floor nor the density's line.
 * A hair lower than the exact line: a sum of weights that floating point leaves just under 0.25 is 0.25 once
 * rounded, as scoreCard rounds it.
 */
const hopelessUnder = (line: number) =>
  Math.min(SUGGESTION_FLOOR, line) - Math.max(0, GLOSSARY_ENTRY_GAIN) - 1e-9;

/**
 * A candidate's score as scoreCard gives it, without the list of features; a candidate under `hopeless` (it can
 * reach neither the suggestion floor nor the line) gets -Infinity. Its card or suggestion is the same either way:
 * such a candidate is ordered after every candidate that can, so it takes no fact or value from one. `--explain`
 * uses scoreCard.
 */
function quickScore(card: ParsedCard, hopeless: number): Scored {
  if (isExplicitRule(card.rule)) return { score: 1, junkRisk: 0 };
  const v = viewOf(card);
  let score = priorOf(card.rule);
  let junk = ruleJunk(card.rule);
  const gaveUp = { score: Number.NEGATIVE_INFINITY, junkRisk: Number.POSITIVE_INFINITY };
  for (const f of GAINS_THEN_LOSSES) {
    if (f.weight <= 0 && score < hopeless) return gaveUp;
    if (f.holds(v)) {
      score += f.weight;
      junk += f.junk;
    }
  }
  return score < hopeless ? gaveUp : { score: hundredths(score), junkRisk: hundredths(junk) };
}

/** Rules that ask one sentence of prose; their candidates carry that sentence as `sibling`. */
const SENTENCE_RULES: ReadonlySet<ParsedCard['rule']> = new Set([
  'sentence-cloze',
  'statement-cloze',
  'enumeration',
]);

/**
 * A line read as sentences is not also read whole: once the best candidate of a line asks one of its sentences,
 * a candidate asking the line whole (a paragraph's lead, an auto-cloze of the line) competes with it, and the other
 * way round. Sentences of one line do not compete with each other.
 */
const readsSentences = (c: ParsedCard) => SENTENCE_RULES.has(c.rule);

/**
 * The fact a candidate asks: its source line, or for manifest cards the line and what it hides (one manifest
 * holds many fields), or for a column of a table of lists the line and the column, or for a card of one sentence
 * that sentence: many writers put a whole paragraph on one line, and each of its sentences states a fact of its own.
 * Candidates of one fact compete; only the best may become a card.
 */
function factOf(c: ParsedCard): string {
  if (c.rule === 'manifest-field' || c.rule === 'manifest-apiversion' || c.rule === 'manifest')
    return `${c.line}\u0000${c.rule}\u0000${c.answer}`;
  // One field of one kind is one fact however often the note's manifests gloss it: the best gloss is asked.
  if (c.rule === 'manifest-comment') return `${c.rule}\u0000${c.sibling}`;
  // The columns of a table of side-by-side lists start on one line and are lists of their own.
  if (c.rule === 'table' && c.kind === 'list') return `${c.line}\u0000${c.prompt}`;
  if (readsSentences(c)) return `${c.line}\u0000sentence\u0000${c.sibling}`;
  return String(c.line);
}

/** A short answer is a value: asked twice in one note, it is one fact (the second card only repeats the first). */
function valueAsked(c: ParsedCard): string | null {
  const a = c.answer.replace(/[`*]/g, '').trim().toLowerCase();
  return a.length > 0 && a.length <= 40 && !a.includes('\n') ? `${c.kind}\u0000${a}` : null;
}

/**
 * "cache: …", "loop: …", "reload: …" one under another: a writer's glossary, whose plain-word terms are names
 * (of plugins, fields, directories), not words picked out of prose. Each entry with a neighbour gains: the
 * candidates (by index) that do.
 */
function glossaryEntries(candidates: ParsedCard[]): Set<number> {
  const lines = candidates.filter((c) => c.rule === 'term-definition').map((c) => c.line);
  const entries = new Set<number>();
  candidates.forEach((c, k) => {
    if (
      c.rule === 'term-definition' &&
      lines.some((l) => l !== c.line && Math.abs(l - c.line) <= GLOSSARY_GAP)
    )
      entries.add(k);
  });
  return entries;
}

/** A glossary's entry gains its weight, and adds its junk weight to the risk. */
const inAGlossary = (s: Scored): Scored =>
  s.score === Number.NEGATIVE_INFINITY
    ? s
    : {
        score: hundredths(s.score + GLOSSARY_ENTRY_GAIN),
        junkRisk: hundredths(s.junkRisk + GLOSSARY_ENTRY_JUNK),
      };

/** The full score of a candidate, the glossary's gain included, with every feature that holds. */
function scoredCandidate(c: ParsedCard, inGlossary: boolean): ScoredCard {
  const s: ScoredCard = { ...c, ...scoreCard(c), verdict: 'dropped' };
  if (inGlossary) {
    s.features.push({ name: 'glossary-entry', weight: GLOSSARY_ENTRY_GAIN });
    Object.assign(s, inAGlossary(s));
  }
  return s;
}

export type Selection = {
  cards: ParsedCard[];
  suggestions: ScoredCard[];
  /** Every candidate with its score and verdict, for `--explain`; empty unless asked for. */
  scored: ScoredCard[];
};

type Verdict = ScoredCard['verdict'];

/**
 * The best of each fact (a line, a value) is judged (by its density's line, or by `all`'s signs); the rest are
 * suggestions or dropped. Cards the learner wrote as cards always stay.
 */
function decide(
  candidates: ParsedCard[],
  scores: readonly number[],
  judge: (k: number) => Verdict,
): { verdicts: Verdict[]; lostTo: (string | undefined)[] } {
  const verdicts: Verdict[] = candidates.map(() => 'dropped');
  const lostTo: (string | undefined)[] = [];
  const best = new Map<string, number>();
  /** For each line, whether its best candidate so far asks a sentence of it or the line whole. */
  const lineReadAs = new Map<number, { sentences: boolean; by: number }>();
  const loseTo = (held: number, k: number) => {
    lostTo[k] = candidates[held]!.prompt;
    // When the winner is no card either, the learner is offered both: nothing the rules found is lost.
    if (verdicts[held] !== 'card' && judge(k) !== 'dropped') verdicts[k] = 'suggestion';
  };
  const compete = (key: string | null, k: number) => {
    if (key === null) return true;
    const held = best.get(key);
    if (held !== undefined) {
      loseTo(held, k);
      return false;
    }
    best.set(key, k);
    return true;
  };
  // Best first, so a fact's winner is settled before its weaker candidates are looked at.
  const order = candidates.map((_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const k of order) {
    const c = candidates[k]!;
    if (isExplicitRule(c.rule)) {
      verdicts[k] = 'card';
      continue;
    }
    const read = lineReadAs.get(c.line);
    if (read && read.sentences !== readsSentences(c)) {
      loseTo(read.by, k);
      continue;
    }
    if (!compete(`fact\u0000${factOf(c)}`, k)) continue;
    const value = valueAsked(c);
    if (value !== null && !compete(`value\u0000${value}`, k)) continue;
    verdicts[k] = judge(k);
    if (!read) lineReadAs.set(c.line, { sentences: readsSentences(c), by: k });
  }
  return { verdicts, lostTo };
}

/**
 * One selection step decides which candidates become cards: each is scored, the best of each fact competes with
 * the density line, and the rest are suggestions or dropped. The cards keep the note's order.
 *
 * An import needs the cards and suggestions only, and scores with quickScore; `explain` scores every candidate in
 * full, for `--explain`, as does `all`, which reads the features. Both give the same cards and suggestions.
 */
export function selectCards(
  candidates: ParsedCard[],
  density: Density = 'standard',
  opts: { explain?: boolean } = {},
): Selection {
  const glossary = glossaryEntries(candidates);
  const line = DENSITY_LINE[density];
  const hopeless = hopelessUnder(line);
  const full =
    opts.explain || density === 'all' ? candidates.map((c, k) => scoredCandidate(c, glossary.has(k))) : null;
  const scored: Scored[] =
    full ??
    candidates.map((c, k) => {
      const s = quickScore(c, hopeless);
      return glossary.has(k) ? inAGlossary(s) : s;
    });
  const scores = scored.map((s) => s.score);
  const cap = JUNK_CAP[density];
  const byLine = (k: number): Verdict => {
    const { score, junkRisk } = scored[k]!;
    if (score >= line && (junkRisk < cap || ASKED_BY_THE_LEARNER.has(candidates[k]!.rule))) return 'card';
    return score >= SUGGESTION_FLOOR ? 'suggestion' : 'dropped';
  };
  const asWritten = (k: number): Verdict =>
    signAgainst(full![k]!) === undefined
      ? 'card'
      : vetoOn(full![k]!) === undefined
        ? 'suggestion'
        : 'dropped';
  const { verdicts, lostTo } = decide(candidates, scores, density === 'all' ? asWritten : byLine);
  const settled = (s: ScoredCard, k: number): ScoredCard => {
    s.verdict = verdicts[k]!;
    if (lostTo[k] !== undefined) s.lostTo = lostTo[k];
    else if (s.verdict === 'suggestion' && density !== 'all' && s.score >= line) s.heldBack = 'junk-risk';
    return s;
  };
  full?.forEach(settled);
  const cards: ParsedCard[] = [];
  const suggestions: ScoredCard[] = [];
  for (let k = 0; k < candidates.length; k++) {
    if (verdicts[k] === 'card') cards.push(candidates[k]!);
    else if (verdicts[k] === 'suggestion')
      suggestions.push(full?.[k] ?? settled(scoredCandidate(candidates[k]!, glossary.has(k)), k));
  }
  return { cards, suggestions, scored: opts.explain ? full! : [] };
}
