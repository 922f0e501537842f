// Fits the selection's weights to what blind judges did with its cards, and checks the fit on notes it did not see.
//
//   npx tsx scripts/fit-weights.ts corpus=../shared/corpus/notes A=/path/to/set-a/notes B=… [--write | --write-junk]
//
// Every candidate of every note is scored; a candidate whose card the judges labelled (docs/quality/judged-bank.jsonl
// for the corpus, docs/quality/unseen/judged-bank.jsonl for the other sets) becomes a row: the features that hold
// on it, and the share of its labels that were KEEP. The weights are a least-squares fit of that share, pulled
// toward the authors' weights (ridge, LAMBDA), so a feature few cards show keeps about its author's weight.
// Strong signs (an author's weight of VETO_WEIGHT or lower) are never fitted, and their rows are left out.
//
// It prints, for each set held out in turn, how well the current weights and weights fitted without that set rank
// its judged cards (AUC of KEEP against not KEEP), and how many cards each would make at the standard line, with
// their keep share; then, over the sets, what the junk cap leaves of the cards over the line. With --write it fits
// on every set and writes both fits to content/markdown/select/fitted-weights.json: the weights of the keep share, and
// the junk weights, a least-squares fit of the share of JUNK labels pulled toward 0, that the junk cap reads.
// The unseen notes are not in the repository; docs/quality/unseen/set-*/SOURCES.md says where each one is.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNote } from '../content/markdown/decode.ts';
import { scoreNote } from '../content/markdown/parse-note.ts';
import { foldForMatch } from '../content/markdown/scan.ts';
import { FEATURES } from '../content/markdown/select/features.ts';
import { isExplicitRule, RULES } from '../content/markdown/select/rule-priors.ts';
import { DENSITY_LINE, JUNK_CAP } from '../content/markdown/select/select-cards.ts';
import { GLOSSARY_ENTRY_HAND_GAIN, isVetoWeight } from '../content/markdown/select/weights.ts';

/** How hard the fit is pulled toward the authors' weights: chosen by holding each set out (10 ranked best). */
const LAMBDA = 10;

type Row = { set: string; x: string[]; keep: number; junk: number; score: number };

/** The key judge-cards.mjs files a card under: its prompt and answer folded as the importer compares text. */
const cardKey = (prompt: string, answer: string): string =>
  createHash('sha1')
    .update(`${foldForMatch(prompt)}\u001f${foldForMatch(answer)}`)
    .digest('hex')
    .slice(0, 16);

function bank(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n'))
    if (line.trim()) {
      const r = JSON.parse(line) as { key: string; labels: [string, string][] };
      out.set(
        r.key,
        r.labels.map(([l]) => l),
      );
    }
  return out;
}

/** The authors' weights: every feature's, every rule's prior (as `rule:NAME`) and the glossary's gain. */
const hand = new Map<string, number>([
  ...FEATURES.map((f): [string, number] => [f.name, f.weight]),
  ...Object.entries(RULES).map(([r, info]): [string, number] => [`rule:${r}`, info.prior]),
  ['glossary-entry', GLOSSARY_ENTRY_HAND_GAIN],
]);
const isVeto = (name: string) => !name.startsWith('rule:') && isVetoWeight(hand.get(name) ?? 0);

const args = process.argv.slice(2);
const sets = args.filter((a) => a.includes('=')).map((a) => a.split('=') as [string, string]);
const banks = {
  corpus: bank(join(import.meta.dirname, '..', 'docs', 'quality', 'judged-bank.jsonl')),
  unseen: bank(join(import.meta.dirname, '..', 'docs', 'quality', 'unseen', 'judged-bank.jsonl')),
};

const rows: Row[] = [];
for (const [set, dir] of sets) {
  const labels = set === 'corpus' ? banks.corpus : banks.unseen;
  const seen = new Set<string>();
  // A set may hold notes of one language only.
  for (const lang of ['en', 'ko'].filter((l) => existsSync(join(dir, l))))
    for (const file of readdirSync(join(dir, lang)).sort()) {
      const path = join(dir, lang, file);
      for (const c of scoreNote(path, decodeNote(readFileSync(path)).text)) {
        if (isExplicitRule(c.rule)) continue;
        const key = cardKey(c.prompt, c.answer);
        const labs = labels.get(key);
        if (!labs || seen.has(key)) continue;
        seen.add(key);
        const x = c.features.map((f) => f.name);
        const share = (label: string) => labs.filter((l) => l === label).length / labs.length;
        rows.push({ set, x, keep: share('KEEP'), junk: share('JUNK'), score: c.score });
      }
    }
}

const columns = [...new Set(rows.flatMap((r) => r.x))].filter((c) => !isVeto(c)).sort();
const at = new Map(columns.map((c, i) => [c, i]));
const vetoSum = (r: Row) => r.x.filter(isVeto).reduce((s, c) => s + hand.get(c)!, 0);

/** Solves A·w = b for a symmetric positive definite A (the ridge makes it so), by Gaussian elimination. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      const f = m[i]![k]! / m[k]![k]!;
      for (let j = k; j <= n; j++) m[i]![j]! -= f * m[k]![j]!;
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= m[i]![j]! * w[j]!;
    w[i] = s / m[i]![i]!;
  }
  return w;
}

/**
 * Ridge least squares toward prior weights: (XᵀX + λI) w = Xᵀy + λ w₀, on rows no veto holds on. The keep share is
 * pulled toward the authors' weights; the junk share toward 0, since no author weighed features for it.
 */
function fitWeights(train: Row[], target: 'keep' | 'junk' = 'keep'): Map<string, number> {
  const w0 = columns.map((c) => (target === 'keep' ? (hand.get(c) ?? 0) : 0));
  const xtx = columns.map((_, i) => columns.map((__, j) => (i === j ? LAMBDA : 0)));
  const xty = w0.map((w) => LAMBDA * w);
  for (const r of train) {
    if (r.x.some(isVeto)) continue;
    const on = r.x.map((c) => at.get(c)!);
    for (const i of on) {
      xty[i]! += r[target];
      for (const j of on) xtx[i]![j]! += 1;
    }
  }
  const w = solve(xtx, xty);
  return new Map(columns.map((c, i): [string, number] => [c, w[i]!]));
}

/** The fitted weights of what holds on a candidate, vetoes left out. As junk weights, its junk risk (a veto keeps it out anyway). */
const fittedSum = (w: Map<string, number>, r: Row) =>
  r.x.reduce((s, c) => s + (isVeto(c) ? 0 : (w.get(c) ?? 0)), 0);
const predict = (w: Map<string, number>, r: Row) => fittedSum(w, r) + vetoSum(r);

/** How often a kept card outranks a junked-or-edited one (cards both judges agreed on). */
function auc(scores: number[], keep: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (keep[i]! < 0.75) return;
    scores.forEach((t, j) => {
      if (keep[j]! > 0.25) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return pairs ? wins / pairs : Number.NaN;
}

/** Cards at or over the standard line among the judged ones, and their keep share. */
function overTheLine(scores: number[], keep: number[]): string {
  const over = keep.filter((_, i) => scores[i]! >= DENSITY_LINE.standard);
  const share = over.reduce((s, k) => s + k, 0) / over.length;
  return `${over.length} at ${(share * 100).toFixed(0)} %`;
}

console.log(`${rows.length} judged candidates, ${columns.length} weights fitted, lambda ${LAMBDA}`);
console.log('held out  cards  AUC now  AUC refit   over the line now   over the line refit');
for (const [set] of sets) {
  const heldOut = rows.filter((r) => r.set === set);
  const keep = heldOut.map((r) => r.keep);
  const w = fitWeights(rows.filter((r) => r.set !== set));
  const now = heldOut.map((r) => r.score);
  const refit = heldOut.map((r) => predict(w, r));
  console.log(
    [
      set.padEnd(8),
      String(heldOut.length).padStart(5),
      auc(now, keep).toFixed(2).padStart(7),
      auc(refit, keep).toFixed(2).padStart(9),
      overTheLine(now, keep).padStart(19),
      overTheLine(refit, keep).padStart(21),
    ].join('  '),
  );
}

// The junk cap, held out the same way: of the judged candidates over the standard line on every set but the corpus
// (the weights and the features were first fitted there), those whose junk risk, fitted without their set, is under
// the cap, against all of them.
const line = DENSITY_LINE.standard;
const percent = (xs: { keep: number; junk: number }[], k: 'keep' | 'junk') =>
  `${((100 * xs.reduce((s, x) => s + x[k], 0)) / xs.length).toFixed(1)} %`;
const judged: { keep: number; junk: number; risk: number }[] = [];
for (const [set] of sets.filter(([s]) => s !== 'corpus')) {
  const train = rows.filter((r) => r.set !== set);
  const wk = fitWeights(train);
  const wj = fitWeights(train, 'junk');
  for (const r of rows.filter((x) => x.set === set && !x.x.some(isVeto) && predict(wk, x) >= line))
    judged.push({ keep: r.keep, junk: r.junk, risk: fittedSum(wj, r) });
}
const capped = judged.filter((j) => j.risk < JUNK_CAP.standard);
console.log(
  `over the standard line, held out: ${judged.length} at ${percent(judged, 'keep')} KEEP, ${percent(judged, 'junk')} JUNK;` +
    ` under the junk cap ${JUNK_CAP.standard} too: ${capped.length} at ${percent(capped, 'keep')} KEEP, ${percent(capped, 'junk')} JUNK`,
);

const rounded = (w: Map<string, number>) =>
  Object.fromEntries([...w].map(([c, v]) => [c, Math.round(v * 100) / 100]));

// --write refits both; --write-junk refits the junk weights only, so the cards over the line stay as judged.
const writeBoth = args.includes('--write');
if (writeBoth || args.includes('--write-junk')) {
  const out = join(import.meta.dirname, '..', 'content', 'markdown', 'select', 'fitted-weights.json');
  const before = JSON.parse(readFileSync(out, 'utf8')) as { weights: Record<string, number> };
  const weights = writeBoth ? rounded(fitWeights(rows)) : before.weights;
  const junkWeights = rounded(fitWeights(rows, 'junk'));
  writeFileSync(
    out,
    `${JSON.stringify({ fittedBy: 'scripts/fit-weights.ts', labelledCandidates: rows.length, lambda: LAMBDA, sets: sets.map(([s]) => s), weights, junkWeights }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
}
