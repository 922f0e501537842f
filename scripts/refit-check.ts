// Would weights fitted to more than the corpus rank cards better on notes they never saw? An offline check, not
// part of the app: it scores every candidate of the corpus and of the unseen sets with the current selection, joins
// the judged labels, and for each unseen set in turn fits a logistic model on everything else, then compares how
// well the current score and the refitted one rank that set's judged cards (AUC of KEEP against not KEEP).
//
//   npx tsx scripts/refit-check.ts corpus=../shared/corpus/notes A=/path/to/set-a/notes B=… [--lambda 0.02]
//
// The unseen notes are not in the repository; docs/quality/unseen/set-*/SOURCES.md says where each one is.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeNote } from '../content/markdown/decode.ts';
import { scoreNote } from '../content/markdown/parse-note.ts';
import { foldForMatch } from '../content/markdown/scan.ts';
import { isExplicitRule } from '../content/markdown/select/rule-priors.ts';

type Labelled = { set: string; x: string[]; keep: number; score: number };

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

const args = process.argv.slice(2);
const lambdaAt = args.indexOf('--lambda');
const lambda = lambdaAt >= 0 ? Number(args[lambdaAt + 1]) : 0.02;
const sets = args.filter((a) => a.includes('=')).map((a) => a.split('=') as [string, string]);
const banks = {
  corpus: bank(join(import.meta.dirname, '..', 'docs', 'quality', 'judged-bank.jsonl')),
  unseen: bank(join(import.meta.dirname, '..', 'docs', 'quality', 'unseen', 'judged-bank.jsonl')),
};

const rows: Labelled[] = [];
for (const [set, dir] of sets) {
  const labels = set === 'corpus' ? banks.corpus : banks.unseen;
  const seen = new Set<string>();
  for (const lang of ['en', 'ko'])
    for (const file of readdirSync(join(dir, lang)).sort()) {
      const path = join(dir, lang, file);
      for (const c of scoreNote(path, decodeNote(readFileSync(path)).text)) {
        if (isExplicitRule(c.rule)) continue;
        const key = cardKey(c.prompt, c.answer);
        const labs = labels.get(key);
        if (!labs || seen.has(key)) continue;
        seen.add(key);
        const x = [`rule:${c.rule}`, ...c.features.map((f) => f.name).filter((f) => !f.startsWith('rule:'))];
        rows.push({ set, x, keep: labs.filter((l) => l === 'KEEP').length / labs.length, score: c.score });
      }
    }
}

const columns = [...new Set(rows.flatMap((r) => r.x))];
const at = new Map(columns.map((c, i) => [c, i]));
const vec = (r: Labelled) => r.x.map((c) => at.get(c)!);

/** Logistic regression by gradient descent, L2 penalty `lambda`: the weights of each column and the intercept. */
function fitLogistic(train: Labelled[]): { w: number[]; b: number } {
  const w = new Array<number>(columns.length).fill(0);
  let b = 0;
  const xs = train.map(vec);
  for (let it = 0; it < 2500; it++) {
    const g = new Array<number>(columns.length).fill(0);
    let gb = 0;
    train.forEach((r, n) => {
      const z = xs[n]!.reduce((s, i) => s + w[i]!, b);
      const err = 1 / (1 + Math.exp(-z)) - r.keep;
      for (const i of xs[n]!) g[i]! += err;
      gb += err;
    });
    for (let i = 0; i < w.length; i++) w[i]! -= 0.5 * (g[i]! / train.length + lambda * w[i]!);
    b -= (0.5 * gb) / train.length;
  }
  return { w, b };
}

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

console.log(
  'held-out set  cards  AUC current score  AUC refit (corpus only)  AUC refit (corpus + other sets)',
);
for (const [set] of sets.filter(([s]) => s !== 'corpus')) {
  const heldOut = rows.filter((r) => r.set === set);
  const keep = heldOut.map((r) => r.keep);
  const predict = (m: { w: number[]; b: number }) =>
    heldOut.map((r) => vec(r).reduce((s, i) => s + m.w[i]!, m.b));
  const corpusOnly = fitLogistic(rows.filter((r) => r.set === 'corpus'));
  const others = fitLogistic(rows.filter((r) => r.set !== set));
  console.log(
    `${set.padEnd(12)}  ${String(heldOut.length).padStart(5)}  ${auc(
      heldOut.map((r) => r.score),
      keep,
    )
      .toFixed(2)
      .padStart(
        17,
      )}  ${auc(predict(corpusOnly), keep).toFixed(2).padStart(23)}  ${auc(predict(others), keep).toFixed(2).padStart(30)}`,
  );
}
