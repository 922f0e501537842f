#!/usr/bin/env node
// Makes each gold fact of the corpus into the card the note's own wording gives it, for blind judges:
//
//   node scripts/gold-as-cards.mjs [CORPUS] [OUT]     (defaults ../shared/corpus and /tmp/gold-as-cards)
//
// For each fact: the note line (or run of up to 8 lines) that holds the answer, with the answer hidden as `[...]`;
// a paragraph gives the sentence around it, a table row comes under its header row, a code block gives up to nine
// of its lines. The context is the note's heading path, plus the line holding the cue when the cue is elsewhere.
// It writes OUT/a/cards.jsonl and OUT/b/cards.jsonl (the same cards, shuffled apart, one copy a judge) and
// OUT/key.json (which note and fact each card is; judges must not see it). docs/quality/README.md has the result.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const corpus = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus'));
const out = resolve(process.argv[3] ?? '/tmp/gold-as-cards');

/** The text score-notes.mjs compares: backticks and asterisks dropped, whitespace collapsed. */
const clean = (s) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();
const LIST_MARK = /^([-+] |\d+[.)] |> )+/;
const isFence = (line) => line.trimStart().startsWith('```');

/** The headings above line i, outermost first (lines inside code fences are not headings). */
function headingsAbove(lines, i) {
  const path = [];
  let fence = false;
  for (const line of lines.slice(0, i)) {
    if (isFence(line)) fence = !fence;
    const m = !fence && /^(#{1,6})\s+(.*)/.exec(line);
    if (!m) continue;
    while (path.length && path.at(-1).level >= m[1].length) path.pop();
    path.push({ level: m[1].length, text: clean(m[2]) });
  }
  return path.map((h) => h.text);
}

/** Where a text first occurs: the first line of the shortest run of lines holding it, that run, and the offset. */
function find(lines, text) {
  const t = clean(text).toLowerCase();
  for (let width = 1; width <= 8; width++)
    for (let i = 0; i + width <= lines.length; i++) {
      const chunk = clean(lines.slice(i, i + width).join(' '));
      const k = chunk.toLowerCase().indexOf(t);
      if (k >= 0) return { i, chunk, k, n: t.length };
    }
  return null;
}

/** The lines of the fenced block holding line i, as [first, end), or null. */
function fenceAround(lines, i) {
  let start = -1;
  for (let j = 0; j < lines.length; j++) {
    if (!isFence(lines[j])) continue;
    if (start < 0) start = j + 1;
    else {
      if (start <= i && i < j) return [start, j];
      start = -1;
    }
  }
  return null;
}

const hide = (text, answer) => {
  const j = text.toLowerCase().indexOf(answer.toLowerCase());
  return j < 0 ? null : `${text.slice(0, j)}[...]${text.slice(j + answer.length)}`;
};

/** The sentence(s) of line i's paragraph that hold the answer, with the answer hidden. */
function sentenceAround(lines, i, answer) {
  const opensItem = (l) => /^\s*([-*+] |\d+[.)] |#)/.test(l);
  let lo = i;
  while (lo > 0 && lines[lo - 1].trim() && !opensItem(lines[lo])) lo--;
  let hi = i + 1;
  while (hi < lines.length && lines[hi].trim() && !opensItem(lines[hi])) hi++;
  const para = clean(lines.slice(lo, hi).join(' ')).replace(LIST_MARK, '');
  const a = clean(answer);
  const k = para.toLowerCase().indexOf(a.toLowerCase());
  if (k < 0) return clean(lines.slice(i, i + 8).join(' '));
  const starts = [...para.slice(0, k).matchAll(/[.?!]\s+/g)].map((m) => m.index + m[0].length);
  const from = starts.at(-1) ?? 0;
  const end = /[.?!](\s|$)/.exec(para.slice(k + a.length));
  const to = end ? k + a.length + end.index + end[0].length : para.length;
  return `${para.slice(from, k)}[...]${para.slice(k + a.length, to)}`.trim();
}

function cardFor(lines, fact) {
  const hit = fact.answer.map((a) => find(lines, a)).find(Boolean);
  if (!hit) return null;
  const { i, chunk, k, n } = hit;
  const answer = chunk.slice(k, k + n);
  const block = fenceAround(lines, i);
  let prompt;
  if (block) {
    const code = lines.slice(Math.max(block[0], i - 5), Math.min(block[1], i + 4)).join('\n');
    prompt = hide(code, answer) ?? `${chunk.slice(0, k)}[...]${chunk.slice(k + n)}`;
  } else if (lines[i].trimStart().startsWith('|')) {
    let top = i;
    while (top > 0 && lines[top - 1].trimStart().startsWith('|')) top--;
    const row = hide(lines[i], answer) ?? lines[i];
    prompt = top === i ? row : `${lines[top]}\n${row}`;
  } else prompt = sentenceAround(lines, i, answer);
  prompt = prompt.replace(LIST_MARK, '').trim();
  const context = headingsAbove(lines, i);
  const seen = `${prompt} ${context.join(' ')}`.toLowerCase();
  if (!fact.cue.some((c) => seen.includes(clean(c).toLowerCase())))
    for (const c of fact.cue) {
      const back = find(lines.slice(0, i + 1), c);
      if (back) {
        context.push(back.chunk.slice(0, 200));
        break;
      }
    }
  return { type: 'cloze', context: context.join(' > '), prompt, answer };
}

/** A seeded shuffle, so each judge's order can be made again. */
function shuffled(xs, seed) {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const cards = [];
const key = {};
for (const lang of ['ko', 'en'])
  for (const file of readdirSync(join(corpus, 'notes', lang)).sort()) {
    const name = file.replace(/\.md$/, '');
    const lines = readFileSync(join(corpus, 'notes', lang, file), 'utf8').split('\n');
    const gold = JSON.parse(readFileSync(join(corpus, 'gold', `${name}.json`), 'utf8'));
    for (const fact of gold.facts) {
      const card = cardFor(lines, fact);
      if (!card) {
        console.error(`no line holds the answer of ${name} ${fact.id}`);
        continue;
      }
      const id = `g${String(cards.length).padStart(4, '0')}`;
      cards.push({ id, ...card });
      key[id] = { note: name, fact: fact.id };
    }
  }
for (const [judge, seed] of [
  ['a', 11],
  ['b', 23],
]) {
  mkdirSync(join(out, judge), { recursive: true });
  const lines = shuffled(cards, seed).map((c) => `${JSON.stringify(c)}\n`);
  writeFileSync(join(out, judge, 'cards.jsonl'), lines.join(''));
}
writeFileSync(join(out, 'key.json'), `${JSON.stringify(key, null, 2)}\n`);
console.log(`${cards.length} cards -> ${out}/a/cards.jsonl, ${out}/b/cards.jsonl (key: ${out}/key.json)`);
