import type { CardRule, ScoreFeature } from '../types.ts';
import { FEATURES, type Feature } from './features.ts';
import fitted from './fitted-weights.json' with { type: 'json' };
import { RULES } from './rule-priors.ts';

/**
 * The weights the selection scores with. Each feature and rule carries the weight its author gave it from the
 * rubric (features.ts, rule-priors.ts); `scripts/fit-weights.ts` moves those toward what blind judges did with the
 * cards of the corpus and of the unseen sets (docs/quality), and writes the result to fitted-weights.json. A feature
 * without a fitted weight (a new one, or one no judged card shows) scores with its author's weight.
 *
 * The fit is a least-squares line through the judges' keep share, pulled toward the authors' weights, so a score is
 * roughly the share of such cards judges keep. The strong signs (an author's weight of VETO_WEIGHT or lower: the
 * answer in plain sight, pasted output, markup) are never fitted: they keep a card out whatever the labels say.
 */
export const VETO_WEIGHT = -0.6;
/** Whether an author's weight makes its feature a veto, never fitted. */
export const isVetoWeight = (authorWeight: number): boolean => authorWeight <= VETO_WEIGHT;

const FITTED: Readonly<Record<string, number>> = fitted.weights;

/** A feature's weight: fitted where the labels had something to say, else its author's. */
export const weightOf = (f: Feature): number =>
  isVetoWeight(f.weight) ? f.weight : (FITTED[f.name] ?? f.weight);

/** The signs against a card, by the rubric: features their authors weighed below zero, whatever the fit made them. */
const AGAINST = new Set(FEATURES.filter((f) => f.weight < 0).map((f) => f.name));
const VETOES = new Set(FEATURES.filter((f) => isVetoWeight(f.weight)).map((f) => f.name));
/** The first sign against a scored candidate, if any: why a note written as cards offers it rather than makes it. */
export const signAgainst = (s: { features: ScoreFeature[] }): string | undefined =>
  s.features.find((f) => AGAINST.has(f.name))?.name;
/** The first veto on a scored candidate, if any: why a note written as cards does not even offer it. */
export const vetoOn = (s: { features: ScoreFeature[] }): string | undefined =>
  s.features.find((f) => VETOES.has(f.name))?.name;

/**
 * The junk weights: what each feature and rule (as `rule:NAME`) adds to the share of a candidate's cards judges
 * threw away, fitted by scripts/fit-weights.ts. Nobody weighs these by hand: a feature no judged card shows adds 0.
 */
const FITTED_JUNK: Readonly<Record<string, number>> =
  (fitted as { junkWeights?: Record<string, number> }).junkWeights ?? {};
export const junkWeightOf = (name: string): number => FITTED_JUNK[name] ?? 0;

/** Where a rule's candidates start before their features are weighed. */
export const priorOf = (rule: CardRule): number => FITTED[`rule:${rule}`] ?? RULES[rule]?.prior ?? 0.3;

/** What a term-definition line gains for standing in a glossary of its neighbours. */
export const GLOSSARY_ENTRY_HAND_GAIN = 0.15;
export const GLOSSARY_ENTRY_GAIN = FITTED['glossary-entry'] ?? GLOSSARY_ENTRY_HAND_GAIN;
