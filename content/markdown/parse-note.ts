import { basename, extname } from 'node:path';
import { buildTree } from './block-tree.ts';
import { withoutPageMarks } from './card-edges.ts';
import { claimCode } from './code-regions.ts';
import { findDetails } from './details.ts';
import { nameTheField } from './enum-prompts.ts';
import { fieldGlosses } from './field-comments.ts';
import { noteFlashcardsDeck } from './flashcards-decks.ts';
import { readFrontMatter } from './front-matter.ts';
import { findImages } from './images.ts';
import { askTheDirectory } from './instance-paths.ts';
import { type KnownError, markKnownErrors } from './known-errors.ts';
import {
  describeManifest,
  documents,
  findUnfencedManifests,
  manifestApiVersions,
} from './manifest-blocks.ts';
import { manifestFieldClozes } from './manifest-fields.ts';
import { blockTokens } from './markdown.ts';
import { findMultilineCards } from './multiline.ts';
import { type NoteProblem, noteMessage, type Warn } from './note-messages.ts';
import { normaliseNoteText } from './note-text.ts';
import { dedentOsrCode } from './osr-indent.ts';
import { readAsTheSrPluginDoes } from './osr-notes.ts';
import { isSpaceCode } from './scan.ts';
import { focusAnswers } from './select/focus-answer.ts';
import { isExplicitRule } from './select/rule-priors.ts';
import { selectCards } from './select/select-cards.ts';
import { tableCards } from './tables.ts';
import { mayHaveSolution, taskSolutionCards } from './task-solution.ts';
import type { Density, ParsedCard, ParsedNote, ScoredCard } from './types.ts';
import { Walker } from './walker.ts';

export type ParseOptions = {
  /** Deck name from `--deck`; beats front matter and file name. */
  deck?: string;
  /** Checks an image path resolved against the note's folder; omitted → images are not checked. */
  fileExists?: (absPath: string) => boolean;
  /** The note's folder on disk, for image resolution. */
  dir?: string;
  /** Obsidian SR plugin option: `**bold**` text is a cloze deletion (off by default). */
  boldCloze?: boolean;
  /** Obsidian SR plugin option: `{{text}}` is a cloze deletion (off by default). */
  curlyCloze?: boolean;
  /** How many of the free-form candidates become cards (default standard); see select/select-cards.ts. */
  density?: Density;
  /**
   * What the Kubernetes check (content/facts) found wrong or removed in this note, by line: a candidate whose
   * answer would teach one of these values is marked (ParsedCard.teaches), and the selection does not make it.
   */
  knownErrors?: readonly KnownError[];
};

export { headingLike } from './walker.ts';

// markdown-it stops reading below its nesting limit; past this depth lines are read flat instead of lost.
const MAX_NESTING = 24;

export function detectLang(text: string): 'ko' | 'en' {
  let hangul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3 && ++hangul >= 10) return 'ko';
  }
  return hangul >= 10 || hangul > text.length / 200 ? 'ko' : 'en';
}

export function parseNote(file: string, text: string, opts: ParseOptions = {}): ParsedNote {
  const { note, candidates, density } = proposeCards(file, text, opts);
  const selection = selectCards(candidates, density);
  return { ...note, cards: selection.cards, suggestions: selection.suggestions };
}

/** Every candidate of a note with its score and verdict: what `--explain` shows. */
export function scoreNote(file: string, text: string, opts: ParseOptions = {}): ScoredCard[] {
  const { candidates, density } = proposeCards(file, text, opts);
  return selectCards(candidates, density, { explain: true }).scored;
}

/**
 * What the rules propose for a note, before the selection decides: each rule's tests read this, so a rule is
 * tested for what it finds and the selection (select/) for what it keeps.
 */
export function candidateCards(file: string, text: string, opts: ParseOptions = {}): ParsedCard[] {
  return proposeCards(file, text, opts).candidates;
}

/** The rules' candidate cards of a note, before the selection: deduplicated, in line order. */
function proposeCards(
  file: string,
  text: string,
  opts: ParseOptions,
): {
  note: Omit<ParsedNote, 'cards' | 'suggestions'>;
  candidates: ParsedCard[];
  /** The note's own `density:` wins over the import's. */
  density: Density | undefined;
} {
  const warnings: NoteProblem[] = [];
  const warn = warner(warnings, file);
  const lines = text.split('\n');
  const { fm, error } = readFrontMatter(lines);
  if (error) warn(error.line, error.message);
  const claimed = lines.map((_, i) => i < fm.lines);
  const lang = fm.lang ?? detectLang(text);
  const noteText = normaliseNoteText(lines, fm.lines, text);
  // The SR plugin also takes the deck from a `flashcards/...` tag in the front matter.
  const fmDeck = fm.tags.find((t) => t === 'flashcards' || t.startsWith('flashcards/'));
  const tagDeck =
    noteFlashcardsDeck(noteText.flashcards) ?? (fmDeck ? fmDeck.split('/').slice(1).join('::') : undefined);
  const deck = opts.deck ?? fm.deck ?? (tagDeck || basename(file, extname(file)));
  const cards: ParsedCard[] = [];
  // Written for the SR plugin: its tag names a deck, or the plugin wrote its schedules into the note.
  const forSrPlugin = tagDeck !== undefined || noteText.sr.size > 0;
  if (forSrPlugin) dedentOsrCode(lines, fm.lines);

  // Before the details blocks lose their `<summary>` lines: a "Solution" summary marks where answers are.
  if (mayHaveSolution(text))
    for (const t of taskSolutionCards(lines, lang))
      cards.push(free({ kind: 'basic', rule: 'task-solution', ...t }));
  for (const d of findDetails(lines, claimed))
    cards.push(
      free({
        kind: 'basic',
        rule: 'details',
        prompt: d.prompt,
        answer: d.answer,
        line: d.line,
        sibling: d.prompt,
      }),
    );
  flattenDeepNesting(lines, claimed, warn);
  for (const c of findMultilineCards(lines, claimed)) {
    const kind = c.reversed ? 'reversed' : 'basic';
    cards.push(
      free({
        kind,
        rule: 'explicit-multiline',
        prompt: c.question,
        answer: c.answer,
        line: c.questionLine,
        sibling: c.question,
      }),
    );
    if (c.reversed)
      cards.push(
        free({
          kind,
          rule: 'explicit-multiline',
          prompt: c.answer,
          answer: c.question,
          line: c.questionLine,
          sibling: c.question,
        }),
      );
    for (let k = c.start; k < c.end; k++) claimed[k] = true;
  }

  let tokens = blockTokens(lines.map((l, i) => (claimed[i] ? '' : l)).join('\n'));
  const code = claimCode(tokens, lines, claimed, warn);
  // A fenced manifest's text starts under its fence; an unfenced one's on its own first line.
  for (const m of code.manifests) cards.push(...manifestCards(m.text, m.start + 1, m.start + 2, lines, lang));
  for (const c of code.cards) cards.push(free(c));
  const unfenced = findUnfencedManifests(lines, claimed);
  for (const m of unfenced) {
    cards.push(...manifestCards(m.text, m.start + 1, m.start + 1, lines, lang));
    for (let k = m.start; k < m.end; k++) claimed[k] = true;
  }
  oneApiVersionCardPerKind(cards);
  if (opts.dir && opts.fileExists) {
    for (const img of findImages(lines, claimed, opts.dir, opts.fileExists))
      warn(img.line, noteMessage('image-missing', { src: img.src }));
  }

  // One block parse serves both code claiming and the walk, unless unfenced manifests changed the text.
  if (unfenced.length > 0 || code.reparse)
    tokens = blockTokens(lines.map((l, i) => (claimed[i] ? '' : l)).join('\n'));
  const tree = buildTree(tokens);
  const quiet = writtenAsFlashcards(lines, claimed);
  const walker = new Walker(fm.tags, cards, warn, { bold: opts.boldCloze, curly: opts.curlyCloze }, quiet);
  // The walk gives its own cards their context; the others get theirs from `walker.at` below.
  const walkFrom = cards.length;
  walker.blocks(tree, []);
  const walkTo = cards.length;
  for (const t of noteText.tables)
    for (const c of tableCards(
      t.header,
      t.rows.map((cells, k) => ({ line: t.line + 1 + k, cells })),
    ))
      cards.push(free(c));

  // Cards found before the walk get the heading path they sit under.
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k]!;
    if (c.context.length > 0 || (k >= walkFrom && k < walkTo)) continue;
    const { context, tags } = walker.at(c.line);
    c.context = context;
    c.tags = [...new Set([...fm.tags, ...tags])];
  }
  readAsTheSrPluginDoes(
    cards,
    { lines, claimed, text: noteText },
    {
      bold: opts.boldCloze,
      curly: opts.curlyCloze,
      paragraphs: forSrPlugin,
      deck,
      deckNamed: opts.deck !== undefined || fm.deck !== undefined,
      bareTagDeck: basename(file, extname(file)),
    },
  );
  if (quiet || mostlyExplicit(cards)) dropSentenceRules(cards);
  if (!inLineOrder(cards)) cards.sort((a, b) => a.line - b.line);
  withoutMarksOfThePage(cards);
  askTheDirectory(cards);
  nameTheField(cards, lines);
  const candidates = focusAnswers(dedupe(cards, warn));
  if (opts.knownErrors?.length) markKnownErrors(candidates, opts.knownErrors);
  return {
    note: { file, deck, lang, tags: fm.tags, warnings },
    candidates,
    density: fm.density ?? opts.density,
  };
}

// Made here, not as a named arrow in parseNote: tsx gives every arrow bound to a name a defineProperty per call.
function warner(warnings: NoteProblem[], file: string): Warn {
  return (line, message) => {
    warnings.push({ file, line, ...message });
  };
}

/** The rules' cards lose what belongs to the page (card-edges.ts); a card the learner wrote keeps every character. */
function withoutMarksOfThePage(cards: ParsedCard[]): void {
  for (const c of cards) {
    if (isExplicitRule(c.rule)) continue;
    c.prompt = withoutPageMarks(c.prompt);
    c.answer = withoutPageMarks(c.answer);
  }
}

/** A card found outside the walk; its context and tags are filled in after it. */
function free(c: Omit<ParsedCard, 'context' | 'tags'>): ParsedCard {
  return { ...c, context: [], tags: [] };
}

const SENTENCE_RULES = new Set(['sentence-cloze', 'paragraph', 'enumeration', 'definition-reverse']);
const EXPLICIT_LINE = /::|==\S|\{\{c\d+::|^\s*\?\??\s*$/;

/**
 * A note written as flashcards (at least ten lines of explicit card syntax, and they make up half of its text
 * lines or more) already says what the author wants asked: the sentence rules, made for plain prose, stay quiet
 * there, and the walk does not spend time on them.
 */
function writtenAsFlashcards(lines: string[], claimed: boolean[]): boolean {
  let explicit = 0;
  let text = 0;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i] && !EXPLICIT_LINE.test(lines[i]!)) continue;
    const l = lines[i]!;
    if (!l.trim()) continue;
    text++;
    if (EXPLICIT_LINE.test(l)) explicit++;
  }
  return explicit >= 10 && explicit * 2 >= text;
}

/** The same test on the cards made: ten or more explicit cards, and at least as many as the other rules made. */
function mostlyExplicit(cards: ParsedCard[]): boolean {
  let explicit = 0;
  let other = 0;
  for (const c of cards) {
    if (c.rule.startsWith('explicit-')) explicit++;
    else if (!SENTENCE_RULES.has(c.rule)) other++;
  }
  return explicit >= 10 && explicit >= other;
}

/**
 * A note's manifests ask each kind's apiVersion once: two Services of one note are one fact. The first manifest's
 * card stays (its key is the one a learner's card was stored under).
 */
function oneApiVersionCardPerKind(cards: ParsedCard[]): void {
  const asked = new Set<string>();
  let w = 0;
  for (const c of cards) {
    if (c.rule === 'manifest-apiversion') {
      const fact = `${c.prompt}\u0000${c.answer}`;
      if (asked.has(fact)) continue;
      asked.add(fact);
    }
    cards[w++] = c;
  }
  cards.length = w;
}

function inLineOrder(cards: ParsedCard[]): boolean {
  for (let k = 1; k < cards.length; k++) if (cards[k - 1]!.line > cards[k]!.line) return false;
  return true;
}

function dropSentenceRules(cards: ParsedCard[]): void {
  let w = 0;
  for (const c of cards) if (!SENTENCE_RULES.has(c.rule)) cards[w++] = c;
  cards.length = w;
}

function manifestCards(
  yaml: string,
  line: number,
  textLine: number,
  lines: string[],
  lang: 'ko' | 'en',
): ParsedCard[] {
  const what = describeManifest(yaml);
  let intro = '';
  for (let k = line - 2; k >= 0 && k >= line - 3; k--) {
    const t = lines[k]!.trim();
    if (!t) continue;
    if (t === '---') break;
    if (!t.startsWith('```') && !t.startsWith('#')) intro = t.replace(/^[-*]\s+/, '').replace(/[:：]$/, '');
    break;
  }
  if (/^(?:ex\)?|e\.g\.?|예\)?|예시|예제|example)$/i.test(intro)) intro = '';
  const ask = lang === 'ko' ? `매니페스트 작성: ${what}` : `Write the manifest: ${what}`;
  const cards: ParsedCard[] = [
    {
      kind: 'manifest',
      rule: 'manifest',
      prompt: intro ? `${intro}\n${ask}` : ask,
      answer: yaml.trim(),
      context: [],
      tags: [],
      line,
      sibling: yaml.trim(),
    },
  ];
  // Which apiVersion a kind lives in is asked on its own: it is the first line everyone forgets. The object's name
  // is one example's, not part of the fact (judges asked to drop it); a card stored with it keeps its key.
  for (const { kind, apiVersion, name } of manifestApiVersions(yaml)) {
    const asked = (of: string) =>
      lang === 'ko' ? `kind: ${kind}${of} 의 apiVersion` : `apiVersion of kind: ${kind}${of}`;
    cards.push({
      kind: 'basic',
      rule: 'manifest-apiversion',
      prompt: asked(''),
      ...(name ? { keyPrompt: asked(` (${name})`) } : {}),
      answer: apiVersion,
      context: [],
      tags: [],
      line,
      sibling: `apiVersion ${kind}`,
    });
  }
  let from = 0;
  for (const doc of documents(yaml)) {
    // What the writer said a field means, in a comment beside it. The documents are pieces of the block in order:
    // where each starts gives its fields their note lines.
    from = Math.max(from, yaml.indexOf(doc, from));
    const at = textLine + (yaml.slice(0, from).match(/\n/g)?.length ?? 0);
    for (const g of fieldGlosses(doc)) {
      const field = g.value ? `${g.field}: ${g.value}` : g.field;
      cards.push({
        kind: 'basic',
        rule: 'manifest-comment',
        prompt: lang === 'ko' ? `kind: ${g.kind} 의 ${field} 필드` : `The ${field} field of kind: ${g.kind}`,
        answer: g.gloss,
        context: [],
        tags: [],
        line: at + g.at,
        // `kind: service` and `kind: Service` are one kind.
        sibling: `${g.kind.toLowerCase()} ${field}`,
      });
    }
    // Its fields a learner writes from memory, each asked in place.
    for (const f of manifestFieldClozes(doc.replace(/^\n+/, '')))
      cards.push({
        kind: 'cloze',
        rule: 'manifest-field',
        prompt: f.prompt,
        answer: f.answer,
        context: [],
        tags: [],
        line,
        sibling: yaml.trim(),
      });
  }
  return cards;
}

const LIST_MARKERS = /^(?:\s*(?:>\s*|[-*+]\s+|\d{1,9}[.)]\s+))+/;

/**
 * Length of the run of characters a nesting prefix can be made of (spaces, `>`, list markers, digits), at the
 * start of a line: a bound on how deep the line nests, found without a regex.
 */
function markerRun(l: string): number {
  let i = 0;
  for (; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c === 32 || c === 9 || c === 62 || c === 45 || c === 42 || c === 43 || c === 46 || c === 41) continue;
    if (c >= 48 && c <= 57) continue;
    if (!isSpaceCode(c)) break;
  }
  return i;
}

function flattenDeepNesting(lines: string[], claimed: boolean[], warn: Warn): void {
  let reported = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const l = lines[i]!;
    // Each level takes at least one character of the line's opening run of markers and spaces.
    if (markerRun(l) <= MAX_NESTING) continue;
    const markers = LIST_MARKERS.exec(l)?.[0] ?? '';
    const indent = /^\s*/.exec(l)![0].length;
    const depth = (markers.match(/>|[-*+](?=\s)|\d[.)](?=\s)/g)?.length ?? 0) + Math.floor(indent / 2);
    if (depth <= MAX_NESTING) continue;
    lines[i] = l.slice(markers.length).trim();
    if (!reported) {
      warn(i + 1, noteMessage('nesting-too-deep', { max: MAX_NESTING }));
      reported = true;
    }
  }
}

const cardKey = (c: ParsedCard) => `${c.kind}\u0000${c.prompt}\u0000${c.answer}`;

const BUCKETS = 2048;

/** A cheap hash of a card's key, from its lengths and a few of its characters: equal keys share a bucket. */
function bucketOf(c: ParsedCard): number {
  const p = c.prompt;
  const a = c.answer;
  const pl = p.length;
  const al = a.length;
  let h = Math.imul(pl, 0x9e3779b1) ^ Math.imul(al + c.kind.charCodeAt(0), 0x85ebca6b);
  if (pl > 0) h = Math.imul(h ^ p.charCodeAt(pl - 1) ^ (p.charCodeAt(pl >> 1) << 16), 0xc2b2ae35);
  if (al > 0) h = Math.imul(h ^ a.charCodeAt(al - 1) ^ (a.charCodeAt(al >> 1) << 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) & (BUCKETS - 1);
}

// Cards per bucket, shared by every call and left all zero after each (a fresh typed array per note cost more).
const BUCKET_COUNT = new Int32Array(BUCKETS);

/**
 * Keeps the first card of each kind + prompt + answer. A card alone in its bucket repeats no other, so only
 * the cards sharing a bucket are keyed in full: building and hashing a key string per card was most of the
 * time spent here.
 */

function dedupe(cards: ParsedCard[], warn: Warn): ParsedCard[] {
  if (cards.length < 2) return cards.slice();
  const bucket: number[] = [];
  try {
    for (const c of cards) {
      const b = bucketOf(c);
      bucket.push(b);
      BUCKET_COUNT[b]!++;
    }
    return keepFirsts(cards, bucket, warn);
  } finally {
    for (const b of bucket) BUCKET_COUNT[b] = 0;
  }
}

function keepFirsts(cards: ParsedCard[], bucket: number[], warn: Warn): ParsedCard[] {
  const seen = new Map<string, ParsedCard>();
  const kept: ParsedCard[] = [];
  for (let k = 0; k < cards.length; k++) {
    const c = cards[k]!;
    if (BUCKET_COUNT[bucket[k]!] === 1) {
      kept.push(c);
      continue;
    }
    const key = cardKey(c);
    const first = seen.get(key);
    if (first !== undefined) {
      // The learner wrote the same card twice; free-form rules meeting the same fact is no news.
      if (c.rule.startsWith('explicit-') && first.rule.startsWith('explicit-'))
        warn(c.line, noteMessage('duplicate-card', { first: first.line }));
      continue;
    }
    seen.set(key, c);
    kept.push(c);
  }
  return kept;
}
