import { basename, extname } from 'node:path';
import type { Block, Item } from './block-tree.ts';
import { buildTree } from './block-tree.ts';
import { claimCode } from './code-regions.ts';
import { explicitCloze, explicitPair, type LineCard } from './explicit.ts';
import { readFrontMatter } from './front-matter.ts';
import { findImages } from './images.ts';
import { extractTags, maskInline, splitTags, unmask } from './inline.ts';
import { hasFacts, lineCards } from './line-rules.ts';
import { describeManifest, findUnfencedManifests } from './manifest-blocks.ts';
import { md } from './markdown.ts';
import { findMultilineCards } from './multiline.ts';
import type { NoteWarning, ParsedCard, ParsedNote } from './types.ts';

export type ParseOptions = {
  /** Deck name from `--deck`; beats front matter and file name. */
  deck?: string;
  /** Checks an image path resolved against the note's folder; omitted → images are not checked. */
  fileExists?: (absPath: string) => boolean;
  /** The note's folder on disk, for image resolution. */
  dir?: string;
};

// markdown-it stops reading below its nesting limit; past this depth lines are read flat instead of lost.
const MAX_NESTING = 24;

export function detectLang(text: string): 'ko' | 'en' {
  const hangul = text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
  return hangul >= 10 || hangul > text.length / 200 ? 'ko' : 'en';
}

export function parseNote(file: string, text: string, opts: ParseOptions = {}): ParsedNote {
  const warnings: NoteWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const lines = text.split('\n');
  const { fm, error } = readFrontMatter(lines);
  if (error) warn(error.line, error.message);
  const claimed = lines.map((_, i) => i < fm.lines);
  const lang = fm.lang ?? detectLang(text);
  const deck = opts.deck ?? fm.deck ?? basename(file, extname(file));
  const cards: ParsedCard[] = [];

  flattenDeepNesting(lines, claimed, warn);
  const code = claimCode(lines, claimed, warn);
  for (const m of code.manifests) cards.push(manifestCard(m.text, m.start + 1, lines, lang));
  for (const m of findUnfencedManifests(lines, claimed)) {
    cards.push(manifestCard(m.text, m.start + 1, lines, lang));
    for (let k = m.start; k < m.end; k++) claimed[k] = true;
  }
  for (const c of findMultilineCards(lines, claimed)) {
    cards.push({
      kind: 'basic',
      rule: 'explicit-multiline',
      prompt: c.question,
      answer: c.answer,
      context: [],
      tags: [],
      line: c.questionLine,
      sibling: c.question,
    });
    for (let k = c.start; k < c.end; k++) claimed[k] = true;
  }
  if (opts.dir && opts.fileExists) {
    for (const img of findImages(lines, claimed, opts.dir, opts.fileExists))
      warn(img.line, `image not found: ${img.src}`);
  }

  const body = lines.map((l, i) => (claimed[i] ? '' : l)).join('\n');
  const tree = buildTree(md.parse(body, {}));
  const walker = new Walker(fm.tags, cards, warn);
  walker.blocks(tree, []);

  // Manifest and multi-line cards were found before the walk; give them the heading path they sit under.
  for (const c of cards) {
    if (c.rule !== 'manifest' && c.rule !== 'explicit-multiline') continue;
    const { context, tags } = walker.at(c.line);
    c.context = context;
    c.tags = [...new Set([...fm.tags, ...tags])];
  }
  cards.sort((a, b) => a.line - b.line);
  return { file, deck, lang, tags: fm.tags, cards: dedupe(cards, warn), warnings };
}

function manifestCard(yaml: string, line: number, lines: string[], lang: 'ko' | 'en'): ParsedCard {
  const what = describeManifest(yaml);
  let intro = '';
  for (let k = line - 2; k >= 0 && k >= line - 3; k--) {
    const t = lines[k]!.trim();
    if (!t) continue;
    if (!t.startsWith('```') && !t.startsWith('#')) intro = t.replace(/^[-*]\s+/, '').replace(/[:：]$/, '');
    break;
  }
  const ask = lang === 'ko' ? `매니페스트 작성: ${what}` : `Write the manifest: ${what}`;
  return {
    kind: 'manifest',
    rule: 'manifest',
    prompt: intro ? `${intro}\n${ask}` : ask,
    answer: yaml.trim(),
    context: [],
    tags: [],
    line,
    sibling: yaml.trim(),
  };
}

function flattenDeepNesting(
  lines: string[],
  claimed: boolean[],
  warn: (line: number, m: string) => void,
): void {
  let reported = false;
  for (let i = 0; i < lines.length; i++) {
    if (claimed[i]) continue;
    const l = lines[i]!;
    const quote = /^(\s*>)+/.exec(l)?.[0] ?? '';
    const depth = (quote.match(/>/g)?.length ?? 0) + Math.floor((/^\s*/.exec(l)?.[0].length ?? 0) / 2);
    if (depth <= MAX_NESTING) continue;
    lines[i] = l.slice(quote.length).trim();
    if (!reported) {
      warn(i + 1, `nesting deeper than ${MAX_NESTING} levels; read as plain lines from here`);
      reported = true;
    }
  }
}

function dedupe(cards: ParsedCard[], warn: (line: number, m: string) => void): ParsedCard[] {
  const seen = new Map<string, number>();
  return cards.filter((c) => {
    const key = `${c.kind}\u0000${c.prompt}\u0000${c.answer}`;
    const first = seen.get(key);
    if (first !== undefined) {
      warn(c.line, `duplicate card (same as line ${first}); kept the first`);
      return false;
    }
    seen.set(key, c.line);
    return true;
  });
}

const FINAL_PUNCT = /[.?!。？！…]$/;

/** Short plain line without final punctuation: reads as a heading when content follows it. */
export function headingLike(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 0 &&
    t.length <= 80 &&
    !FINAL_PUNCT.test(t) &&
    !t.startsWith('=>') &&
    explicitPair(t) === null &&
    explicitCloze(t) === null
  );
}

type Ctx = string[];

class Walker {
  private marks: { line: number; context: Ctx; tags: string[] }[] = [];
  constructor(
    private noteTags: string[],
    private cards: ParsedCard[],
    private warn: (line: number, m: string) => void,
  ) {}

  /** The heading path and section tags in force at a line, for cards found before the walk. */
  at(line: number): { context: Ctx; tags: string[] } {
    let found = { context: [] as Ctx, tags: [] as string[] };
    for (const m of this.marks) if (m.line <= line) found = m;
    return found;
  }

  private push(lc: LineCard, line: number, context: Ctx, tags: string[], sibling: string): void {
    this.cards.push({ ...lc, context, tags: [...new Set([...this.noteTags, ...tags])], line, sibling });
  }

  blocks(blocks: Block[], parent: Ctx): void {
    const headings: string[] = [];
    let pseudo: string | null = null;
    let sectionTags: string[] = [];
    const ctx = (): Ctx => [...parent, ...headings.filter(Boolean), ...(pseudo ? [pseudo] : [])];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const next = blocks[i + 1];
      if (b.t === 'heading') {
        const { text, tags } = splitTags(b.text);
        headings.length = b.level - 1;
        headings[b.level - 1] = text;
        sectionTags = tags;
        pseudo = null;
        this.marks.push({ line: b.line, context: ctx(), tags: sectionTags });
        if (next?.t === 'list')
          this.listCard(headings[b.level - 1]!, b.line, next.items, ctx().slice(0, -1), sectionTags);
      } else if (b.t === 'para') {
        const only = b.lines.length === 1 ? b.lines[0]! : null;
        if (
          only &&
          next &&
          next.t !== 'heading' &&
          next.t !== 'break' &&
          headingLike(only.text) &&
          !lineHasCard(only.text) &&
          (next.t === 'list' || !lineHasFacts(only.text))
        ) {
          pseudo = only.text.trim().replace(/[:：]$/, '');
          this.marks.push({ line: only.line, context: ctx(), tags: sectionTags });
          if (next.t === 'list') {
            // A line that titles a list scopes that list only; the next paragraph starts afresh.
            this.listCard(pseudo, only.line, next.items, ctx().slice(0, -1), sectionTags);
            for (const item of next.items) this.item(item, ctx(), sectionTags);
            pseudo = null;
            i++;
          }
          continue;
        }
        this.lines(b.lines, ctx(), sectionTags);
      } else if (b.t === 'list') {
        for (const item of b.items) this.item(item, ctx(), sectionTags);
      }
    }
  }

  private item(item: Item, context: Ctx, tags: string[]): void {
    const [first, ...rest] = item.blocks;
    if (first?.t !== 'para') {
      this.blocks(item.blocks, context);
      return;
    }
    const head = first.lines[0]!;
    const nested = rest.find((b): b is Extract<Block, { t: 'list' }> => b.t === 'list');
    if (first.lines.length === 1 && nested && headingLike(head.text) && !lineHasCard(head.text)) {
      const title = head.text.trim().replace(/[:：]$/, '');
      this.listCard(title, head.line, nested.items, context, tags);
      this.blocks(rest, [...context, title]);
      return;
    }
    this.lines(first.lines, context, tags);
    this.blocks(rest, context);
  }

  private listCard(title: string, line: number, items: Item[], context: Ctx, tags: string[]): void {
    const texts = items
      .map((it) => (it.blocks[0]?.t === 'para' ? it.blocks[0].lines[0]!.text.trim() : ''))
      .filter(Boolean);
    if (texts.length < 2) return;
    if (texts.length > 12) {
      this.warn(
        line,
        `list under "${title}" has ${texts.length} items; list cards stop at 12, split it for better recall`,
      );
      return;
    }
    const { text: prompt, tags: own } = splitTags(title);
    this.push(
      { kind: 'list', rule: 'list', prompt, answer: texts.map((t) => `- ${t}`).join('\n') },
      line,
      context,
      [...tags, ...own],
      `${prompt}\n${texts.join('\n')}`,
    );
  }

  private lines(lines: { text: string; line: number }[], context: Ctx, tags: string[]): void {
    // "스케줄러 포트\n10259": a short first line over more lines of the same paragraph titles them.
    const [first, second] = lines;
    if (
      first &&
      second &&
      !second.text.trim().startsWith('=>') &&
      headingLike(first.text) &&
      !lineHasCard(first.text) &&
      !lineHasFacts(first.text)
    ) {
      const title = first.text.trim().replace(/[:：]$/, '');
      this.lines(lines.slice(1), [...context, title], tags);
      return;
    }
    for (let k = 0; k < lines.length; k++) {
      const { text, line } = lines[k]!;
      if (text.trim().startsWith('=>')) continue;
      const answers: string[] = [];
      const answerTags: string[] = [];
      for (let j = k + 1; j < lines.length && lines[j]!.text.trim().startsWith('=>'); j++) {
        const tagged = splitTags(lines[j]!.text.trim().replace(/^=>\s*/, ''));
        answerTags.push(...tagged.tags);
        answers.push(tagged.text);
      }
      const masked = maskInline(text);
      const { text: clean, tags: own } = extractTags(masked.text);
      const allTags = [...tags, ...own, ...answerTags];
      if (answers.length > 0) {
        const prompt = unmask(clean, masked.spans).trim();
        this.push(
          { kind: 'basic', rule: 'question-answer', prompt, answer: answers.join('\n') },
          line,
          context,
          allTags,
          prompt,
        );
        continue;
      }
      for (const lc of lineCards(clean, masked.spans))
        this.push(lc, line, context, allTags, unmask(clean, masked.spans).trim());
    }
  }
}

function lineHasFacts(text: string): boolean {
  const masked = maskInline(text);
  return hasFacts(extractTags(masked.text).text, masked.spans);
}

function lineHasCard(text: string): boolean {
  const masked = maskInline(text);
  return lineCards(extractTags(masked.text).text, masked.spans).some((c) => c.rule !== 'auto-cloze');
}
