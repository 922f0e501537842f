import { isAlignedOutputLine } from './aligned-output.ts';
import type { Block, Item } from './block-tree.ts';
import {
  type ClozeOptions,
  clozeDeletions,
  explicitCloze,
  explicitPair,
  type LineCard,
  MAX_CLOZE_CARDS_PER_LINE,
} from './explicit.ts';
import { headingDefinition } from './heading-definition.ts';
import { extractTags, maskInline, splitTags, unmask } from './inline.ts';
import { autoCloze, drawsAPath, hasFacts, lineCards } from './line-rules.ts';
import { noteMessage, type Warn } from './note-messages.ts';
import { hasHangul, isSpaceCode } from './scan.ts';
import { enumerationCard, sentenceCards, splitSentences } from './sentence-cloze.ts';
import { tableCards } from './tables.ts';
import { isSectionLabel } from './term-definition.ts';
import type { ParsedCard } from './types.ts';
import { isYamlFragment, YAML_FIELD } from './yaml-fields.ts';

const FINAL_PUNCT = /[.?!。？！…]$/;
// `=> answer`, and the arrow people type for the same: `⇒ answer`.
const ANSWER_LINE = /^\s*(?:=>|⇒)\s*/;
const Q_LINE =
  /^\s*(?:\*\*)?(?:Q\d*|(?:[Qq]uestion|질문|문제)(?:\s?\d{1,3})?)(?:\*\*)?\s*[:.)：](?![:：])\s*(?:\*\*)?\s*(\S.*)$/;
// "A:", "Answer 1)", "정답)", "답:" — an answer label, numbered or not.
const A_LINE =
  /^\s*(?:\*\*)?(?:A\d*|(?:[Aa]nswer|답|정답)(?:\s?\d{1,3})?)(?:\*\*)?\s*[:.)：](?![:：])\s*(?:\*\*)?\s*/;
// A run of title-like lines nests at most this deep; past it lines are read as plain lines (no recursion).
const MAX_PSEUDO_TITLES = 4;

/**
 * The first character that is not white space (as `\s` counts it), or -1. The line regexes below are anchored
 * there, so it rules most lines out before any regex runs.
 */
function firstCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/** `=> answer` or `⇒ answer`. */
function isAnswerLine(text: string): boolean {
  const c = firstCode(text);
  return (c === 0x3d || c === 0x21d2) && ANSWER_LINE.test(text);
}

/** `Q: …` (also `**Q1.**`, `Question)`, `질문:`, `문제:`), with the question as group 1. */
function questionLine(text: string): RegExpExecArray | null {
  const c = firstCode(text);
  return c === 0x2a || c === 0x51 || c === 0x71 || c === 0xc9c8 || c === 0xbb38 ? Q_LINE.exec(text) : null;
}

/** `A: …` (also `**A1.**`, `Answer)`, `답:`, `정답:`). */
function isAnswerLabel(text: string): boolean {
  const c = firstCode(text);
  return (c === 0x2a || c === 0x41 || c === 0x61 || c === 0xb2f5 || c === 0xc815) && A_LINE.test(text);
}

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

/** `**Use Cases**`, `***Nodeport:***`, `ClusterIP:` — a line that titles what follows it. */
function titleLine(text: string): string | null {
  const t = text.trim();
  // All forms end in `*`, `_`, `:` or `：`.
  const end = t.charCodeAt(t.length - 1);
  if (end !== 42 && end !== 95 && end !== 58 && end !== 0xff1a) return null;
  // `**Title**`, `***Title:***`, and the underscore forms blogs use: `__Title__`, `__*Title*__`.
  const bold =
    /^\*{2,3}([^*]{1,80}?)\*{2,3}\s*[:：]?$/.exec(t) ?? /^__\*?([^_*]{1,80}?)\*?__\s*[:：]?$/.exec(t);
  if (bold)
    return (
      bold[1]!
        .trim()
        .replace(/[:：]$/, '')
        .trim() || null
    );
  const colon = /^([^:：\s][^:：]{0,39})[:：]$/.exec(t);
  if (colon && colon[1]!.trim().split(/\s+/).length <= 5 && !/^(?:https?|ftp)$/i.test(colon[1]!))
    return colon[1]!.trim();
  return null;
}

const EMOJI_LEAD =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u200D|\p{Extended_Pictographic})*\s*/u;

// The definition line of a Markdown definition list: ": what the term above means".
const DEFINITION_LINE = /^\s{0,3}:\s+(?=\S)/;

type Ctx = string[];
const NO_BLOCKS: Block[] = [];
type Line = { text: string; line: number };

export class Walker {
  private marks: { line: number; context: Ctx; tags: string[] }[] = [];
  private noteTags: string[];
  private cards: ParsedCard[];
  private warn: Warn;
  private cloze: ClozeOptions;
  /** A note written as flashcards: no sentence rules. */
  private quiet: boolean;

  constructor(noteTags: string[], cards: ParsedCard[], warn: Warn, cloze: ClozeOptions = {}, quiet = false) {
    this.quiet = quiet;
    this.noteTags = noteTags;
    this.cards = cards;
    this.warn = warn;
    this.cloze = cloze;
  }

  /** The heading path and section tags in force at a line, for cards found before the walk. */
  at(line: number): { context: Ctx; tags: string[] } {
    // Marks are pushed in line order; binary search keeps this O(log n) per card.
    let lo = 0;
    let hi = this.marks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.marks[mid]!.line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? { context: [], tags: [] } : this.marks[found]!;
  }

  private mark(line: number, context: Ctx, tags: string[]): void {
    const last = this.marks[this.marks.length - 1];
    if (last && last.line > line) return;
    this.marks.push({ line, context, tags });
  }

  private push(
    lc: LineCard & Pick<ParsedCard, 'itemsWithSublists'>,
    line: number,
    context: Ctx,
    tags: string[],
    sibling: string,
  ): void {
    const card: ParsedCard = {
      ...lc,
      context,
      tags: mergeTags(this.noteTags, tags),
      line,
      sibling,
    };
    this.cards.push(card);
  }

  blocks(blocks: Block[], parent: Ctx): void {
    const headings: string[] = [];
    let pseudo: string | null = null;
    let sectionTags: string[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const next = blocks[i + 1];
      if (b.t === 'heading') {
        const split = splitTags(b.text);
        const tags = split.tags;
        // "📌 What is NetworkPolicy?": a leading emoji decorates the heading; it is not asked.
        const text = split.text.codePointAt(0)! > 0x2000 ? split.text.replace(EMOJI_LEAD, '') : split.text;
        headings.length = b.level - 1;
        headings[b.level - 1] = text;
        sectionTags = tags;
        pseudo = null;
        this.mark(b.line, contextOf(parent, headings, pseudo), sectionTags);
        // A heading over a list, also when a code block sits between them.
        const after2 = blocks[i + 2];
        // "### /etc/hosts" over the line that says what it is; not in a note written as flashcards, whose lines are
        // its cards, nor over a line that is a card itself.
        const found = this.quiet ? null : headingDefinition(text, next, after2);
        const defined = found && !lineHasCard(found.definition) ? found : null;
        if (defined)
          this.push(
            { kind: 'basic', rule: 'heading-definition', prompt: defined.term, answer: defined.definition },
            defined.line,
            contextOf(parent, headings, pseudo).slice(0, -1),
            sectionTags,
            defined.term,
          );
        const listAfter =
          next?.t === 'list' ? next : next?.t === 'break' && after2?.t === 'list' ? after2 : null;
        // Over a list of one item that defines the heading, the list card would ask the same again.
        if (listAfter && !(defined && listAfter.items.length === 1))
          this.listCard(
            headings[b.level - 1]!,
            b.line,
            listAfter.items,
            contextOf(parent, headings, pseudo).slice(0, -1),
            sectionTags,
          );
        // A heading that asks something, answered by the paragraph under it.
        // "## Q: …?" / "### 문제 1) …?": the label is not part of the question, and marks it as one written to be
        // asked (a `question-answer`, like `Q:`/`A:` lines); an unlabelled one may head an explanation. "## 인그레스란?"
        // whose first sentence defined the term above is asked that way only: the paragraph would ask it again.
        if (/[?？]$/.test(text) && next?.t === 'para' && !defined) {
          const labelled = questionLine(text)?.[1]?.trim();
          this.answerCard(
            labelled ?? text,
            b.line,
            paraText(next.lines),
            contextOf(parent, headings, pseudo).slice(0, -1),
            sectionTags,
            labelled ? 'question-answer' : 'question-heading',
          );
        }
      } else if (b.t === 'para') {
        if (isYamlFragment(b.lines)) continue;
        // `Q: …` as the last line of a paragraph, `A: …` opening the next one.
        const lastLine = b.lines[b.lines.length - 1]!;
        const q = questionLine(lastLine.text);
        if (q && next?.t === 'para' && isAnswerLabel(next.lines[0]!.text)) {
          if (b.lines.length > 1)
            this.lines(b.lines.slice(0, -1), contextOf(parent, headings, pseudo), sectionTags);
          const answer = paraText(next.lines).replace(A_LINE, '');
          this.push(
            { kind: 'basic', rule: 'question-answer', prompt: q[1]!.trim(), answer },
            lastLine.line,
            contextOf(parent, headings, pseudo),
            sectionTags,
            q[1]!.trim(),
          );
          i++;
          continue;
        }
        const only = b.lines.length === 1 ? b.lines[0]! : null;
        const title = only ? titleLine(only.text) : null;
        // Not when the next paragraph opens with a title of its own: that one titles what follows it.
        if (only && title && next?.t === 'para' && !titleLine(next.lines[0]!.text)) {
          // `**Use Cases**` / `ClusterIP:` over a paragraph: a question and its answer.
          this.answerCard(
            title,
            only.line,
            paraText(next.lines),
            contextOf(parent, headings, pseudo),
            sectionTags,
          );
        }
        if (
          only &&
          next &&
          next.t !== 'heading' &&
          next.t !== 'break' &&
          next.t !== 'table' &&
          headingLike(only.text) &&
          !lineHasCard(only.text) &&
          !drawsAPath(only.text) &&
          (next.t === 'list' || !lineHasFacts(only.text))
        ) {
          pseudo = (title ?? only.text.trim()).replace(/[:：]$/, '');
          this.mark(only.line, contextOf(parent, headings, pseudo), sectionTags);
          if (next.t === 'list') {
            // A line that titles a list scopes that list only; the next paragraph starts afresh.
            const titled = title !== null && title !== only.text.trim().replace(/[:：]$/, '');
            this.listCard(
              titled ? title : only.text.trim().replace(/[:：]$/, ''),
              only.line,
              next.items,
              contextOf(parent, headings, pseudo).slice(0, -1),
              sectionTags,
            );
            const context = contextOf(parent, headings, pseudo);
            for (const item of next.items) this.item(item, context, sectionTags);
            pseudo = null;
            i++;
          }
          continue;
        }
        this.lines(b.lines, contextOf(parent, headings, pseudo), sectionTags);
      } else if (b.t === 'list') {
        // One context for the whole list: its items do not change it, and cards only read it.
        const context = contextOf(parent, headings, pseudo);
        for (const item of b.items) this.item(item, context, sectionTags);
      } else if (b.t === 'table') {
        for (const c of tableCards(b.header, b.rows))
          this.push(c, c.line, contextOf(parent, headings, pseudo), sectionTags, c.sibling);
      }
    }
  }

  /**
   * A heading, a bold line or a `Term:` line over what answers it. A line that asks ("## What is a Pod?") is the
   * writer's own question: a `question-heading` card (less trusted than `Q:`/`A:`, whose writer made a card on
   * purpose: the section under a question heading is often an explanation, not an answer); a title is a
   * `heading-answer`.
   */
  private answerCard(
    prompt: string,
    line: number,
    answer: string,
    context: Ctx,
    tags: string[],
    rule: 'heading-answer' | 'question-heading' | 'question-answer' = 'heading-answer',
  ): void {
    // "**Definition**:" opening the answer only labels it.
    const a = answer
      .trim()
      .replace(/^\*\*([^*\n]{1,30}?)\*\*\s*[:：]?\s*\n/, (m, label: string) =>
        isSectionLabel(label.replace(/[:：]$/, '')) ? '' : m,
      );
    if (!a || a === prompt || a.length > 1500 || isSectionLabel(prompt)) return;
    // "Two Options: (2nd one is better)" over a list: a lead-in to what follows, not the answer.
    if (rule !== 'heading-answer' && LEAD_IN.test(a)) return;
    this.push({ kind: 'basic', rule, prompt, answer: a }, line, context, tags, prompt);
  }

  private item(item: Item, context: Ctx, tags: string[]): void {
    const first = item.blocks[0];
    if (first?.t !== 'para') {
      this.blocks(item.blocks, context);
      return;
    }
    // An item of YAML lines makes no card; what is nested under it is read.
    if (isYamlFragment(first.lines)) {
      this.blocks(item.blocks.slice(1), context);
      return;
    }
    const rest = item.blocks.length > 1 ? item.blocks.slice(1) : NO_BLOCKS;
    const head = first.lines[0]!;
    let nested: Extract<Block, { t: 'list' }> | undefined;
    for (const b of rest)
      if (b.t === 'list') {
        nested = b;
        break;
      }
    if (endsWithQuestionMark(first.lines[first.lines.length - 1]!.text)) {
      // "- A와 B가 통신이 가능할까?" answered by the items or the `⇒ answer` paragraph under it.
      const after = rest[0];
      const answer =
        after?.t === 'list'
          ? after.items
              .map((it) => (it.blocks[0]?.t === 'para' ? paraText(it.blocks[0].lines) : ''))
              .filter(Boolean)
              .join('\n')
          : after?.t === 'para' && isAnswerLine(after.lines[0]!.text)
            ? paraText(after.lines).replace(ANSWER_LINE, '')
            : '';
      if (answer)
        this.answerCard(paraText(first.lines), head.line, answer, context, tags, 'question-heading');
    }
    if (first.lines.length === 1 && nested && headingLike(head.text) && !lineHasCard(head.text)) {
      const title = head.text.trim().replace(/[:：]$/, '');
      this.listCard(title, head.line, nested.items, context, tags);
      this.blocks(rest, [...context, title]);
      return;
    }
    this.lines(first.lines, context, tags);
    if (rest.length > 0) this.blocks(rest, context);
  }

  private listCard(title: string, line: number, items: Item[], context: Ctx, tags: string[]): void {
    const texts = items
      .map((it) => (it.blocks[0]?.t === 'para' ? it.blocks[0].lines[0]!.text.trim() : ''))
      .filter(Boolean);
    const { text: prompt, tags: own } = splitTags(title);
    const bold = /^\*\*([^*]+)\*\*[:：]?$/.exec(prompt)?.[1]?.trim();
    // One item that is itself a title over its own lines ("- **When the Service IP fails:**") is asked there.
    if (texts.length === 1 && !bold && titleLine(texts[0]!)) return;
    if (texts.length === 1 || (bold && YAML_FIELD.test(bold))) {
      // One item, or a field name over lines about it: a question and its answer, not a list to recite.
      const q = bold ?? prompt;
      if (isSectionLabel(q.replace(/[:：]$/, ''))) return;
      const a = items
        .map((it) => (it.blocks[0]?.t === 'para' ? paraText(it.blocks[0].lines) : ''))
        .filter(Boolean)
        .join('\n');
      if (a && q && a !== q)
        this.push(
          { kind: 'basic', rule: 'heading-answer', prompt: q, answer: a },
          line,
          context,
          [...tags, ...own],
          q,
        );
      return;
    }
    if (texts.length < 2) return;
    if (texts.length > 12) {
      this.warn(line, noteMessage('list-too-long', { title, items: texts.length, max: 12 }));
      return;
    }
    const itemsWithSublists = items.filter((it) => it.blocks.some((b) => b.t === 'list')).length;
    this.push(
      {
        kind: 'list',
        rule: 'list',
        prompt,
        answer: texts.map((t) => `- ${t}`).join('\n'),
        ...(itemsWithSublists > 0 && { itemsWithSublists }),
      },
      line,
      context,
      [...tags, ...own],
      `${prompt}\n${texts.join('\n')}`,
    );
  }

  private lines(all: Line[], context: Ctx, tags: string[]): void {
    // "스케줄러 포트\n10259": a short first line over more lines of the same paragraph titles them. A loop, not
    // recursion: a note of thousands of plain lines must not grow the stack or copy the context per line.
    let start = 0;
    let ctx = context;
    while (
      start < MAX_PSEUDO_TITLES &&
      start + 1 < all.length &&
      !isAnswerLine(all[start + 1]!.text) &&
      !continuesSentence(all[start]!.text, all[start + 1]!.text) &&
      !introducesCode(all[start]!.text, all[start + 1]!.text) &&
      !DEFINITION_LINE.test(all[start + 1]!.text) &&
      headingLike(all[start]!.text) &&
      !lineHasCard(all[start]!.text) &&
      !lineHasFacts(all[start]!.text)
    ) {
      const raw = all[start]!.text.trim();
      const title = titleLine(raw) ?? raw.replace(/[:：]$/, '');
      if (titleLine(raw) && start === 0)
        this.answerCard(title, all[0]!.line, paraText(all.slice(1)), ctx, tags);
      ctx = [...ctx, title];
      start++;
    }
    const lines = joinWrappedLines(start === 0 ? all : all.slice(start));
    let prose: Line[] = [];
    let proseRun = 0;
    for (let k = 0; k < lines.length; k++) {
      const { line } = lines[k]!;
      const text = dropSectionLabel(lines[k]!.text);
      if (isAnswerLine(text)) continue;
      // `Q: question` with `A: answer` on the lines after it.
      const q = questionLine(text);
      if (q && k + 1 < lines.length && isAnswerLabel(lines[k + 1]!.text)) {
        prose = this.flush(prose, ctx, tags);
        const answer: string[] = [];
        let j = k + 1;
        for (; j < lines.length && (j === k + 1 || questionLine(lines[j]!.text) === null); j++)
          answer.push(lines[j]!.text.trim().replace(A_LINE, ''));
        this.push(
          { kind: 'basic', rule: 'question-answer', prompt: q[1]!.trim(), answer: answer.join('\n') },
          line,
          ctx,
          tags,
          q[1]!.trim(),
        );
        k = j - 1;
        continue;
      }
      const answers: string[] = [];
      const answerTags: string[] = [];
      for (let j = k + 1; j < lines.length && isAnswerLine(lines[j]!.text); j++) {
        const tagged = splitTags(lines[j]!.text.trim().replace(ANSWER_LINE, ''));
        answerTags.push(...tagged.tags);
        answers.push(tagged.text);
      }
      // A definition list ("ClusterIP" over ": 클러스터 내부 가상 IP"): the term, then its definitions.
      if (k + 1 < lines.length && DEFINITION_LINE.test(lines[k + 1]!.text) && !DEFINITION_LINE.test(text)) {
        const defs: string[] = [];
        let j = k + 1;
        for (; j < lines.length && DEFINITION_LINE.test(lines[j]!.text); j++)
          defs.push(lines[j]!.text.replace(DEFINITION_LINE, '').trim());
        const term = text.trim();
        if (term.split(/\s+/).length <= 8 && !FINAL_PUNCT.test(term)) {
          prose = this.flush(prose, ctx, tags);
          this.push(
            { kind: 'basic', rule: 'term-definition', prompt: term, answer: defs.join('\n') },
            line,
            ctx,
            tags,
            term,
          );
          k = j - 1;
          continue;
        }
      }
      // "Search the NAT table with:" over a line that is one code span: the line asks for the command.
      const nextText = k + 1 < lines.length ? lines[k + 1]!.text : '';
      if (introducesCode(text, nextText) && !lineHasCard(text)) {
        prose = this.flush(prose, ctx, tags);
        const ask = text.trim().replace(/\s*[:：]$/, '');
        this.push(
          { kind: 'basic', rule: 'code-intro', prompt: ask, answer: nextText.trim().slice(1, -1).trim() },
          line,
          ctx,
          tags,
          ask,
        );
        continue;
      }
      // `***NodePort:***` inside a paragraph titles the lines after it, up to the next such line.
      const title = k + 1 < lines.length ? titleLine(text) : null;
      if (title && !lineHasCard(text)) {
        prose = this.flush(prose, ctx, tags);
        let end = k + 1;
        while (end < lines.length && !titleLine(lines[end]!.text)) end++;
        this.answerCard(title, line, paraText(lines.slice(k + 1, end)), context, tags);
        ctx = [...context, title];
        continue;
      }
      const masked = maskInline(unwrapEmphasis(text));
      const { text: clean, tags: own } = extractTags(masked.text);
      const allTags =
        own.length === 0 && answerTags.length === 0 ? tags.slice() : [...tags, ...own, ...answerTags];
      if (answers.length > 0) {
        prose = this.flush(prose, ctx, tags);
        const prompt = unmask(clean, masked.spans).trim();
        this.push(
          { kind: 'basic', rule: 'question-answer', prompt, answer: answers.join('\n') },
          line,
          ctx,
          allTags,
          prompt,
        );
        continue;
      }
      // `IP Families:       IPv4` among lines aligned like it: `kubectl describe` output pasted as text.
      if (isAlignedOutputLine(lines, k)) {
        prose = this.flush(prose, ctx, tags);
        continue;
      }
      const made = lineCards(clean, masked.spans, this.cloze);
      if (made.length >= MAX_CLOZE_CARDS_PER_LINE && clozeDeletions(clean) > MAX_CLOZE_CARDS_PER_LINE)
        this.warn(
          line,
          noteMessage('cloze-cap', { deletions: clozeDeletions(clean), max: MAX_CLOZE_CARDS_PER_LINE }),
        );
      if (made.length > 0) {
        const sibling = unmask(clean, masked.spans).trim();
        for (const lc of made) this.push(lc, line, ctx, allTags, sibling);
      }
      // A path drawn with arrows is not prose either: no sentence of it is asked (line-rules.ts).
      if (hasOwnCard(made) || (made.length === 0 && drawsAPath(clean))) {
        prose = this.flush(prose, ctx, tags);
        continue;
      }
      // A note written as flashcards reads no prose (see `prose`); the run is counted all the same.
      if (!this.quiet) prose.push({ text: unmask(clean, masked.spans), line });
      proseRun++;
    }
    this.flush(prose, ctx, tags, proseRun === lines.length);
  }

  /** Reads the prose lines gathered so far as one text; returns the list to gather the next ones in. */
  private flush(prose: Line[], ctx: Ctx, tags: string[], wholeParagraph = false): Line[] {
    if (prose.length === 0) return prose;
    this.prose(prose, ctx, tags, wholeParagraph);
    return [];
  }

  /** Prose lines (no explicit syntax, no definition): sentences with a fact, enumerations, a lead sentence. */
  private prose(lines: Line[], ctx: Ctx, tags: string[], wholeParagraph: boolean): void {
    if (this.quiet) return;
    const text = lines.map((l) => l.text.trim()).join(' ');
    const joined = maskInline(text);
    // Masking was per line; re-mask the joined text so spans index one array.
    const sentences = splitSentences(joined.text);
    let offset = 0;
    for (const s of sentences) {
      const at = joined.text.indexOf(s, offset);
      offset = at >= 0 ? at + s.length : offset;
      const line = lineAt(lines, Math.max(0, at));
      const sibling = unmask(s, joined.spans).trim();
      const en = enumerationCard(s, joined.spans);
      if (en) this.push(en, line, ctx, tags, sibling);
      for (const c of sentenceCards(s, joined.spans)) this.push(c, line, ctx, tags, sibling);
      // In a paragraph of several sentences, the facts of each sentence are also asked within that sentence
      // alone (a line-wide cloze may show the answer in a neighbouring sentence).
      if (sentences.length >= 2)
        for (const c of autoCloze(s, joined.spans, 2))
          this.push({ ...c, rule: 'sentence-cloze' }, line, ctx, tags, sibling);
    }
    // A paragraph of several sentences: its lead sentence asks for the rest.
    if (wholeParagraph && sentences.length >= 2 && sentences.length <= 8) {
      const first = unmask(sentences[0]!, joined.spans).trim();
      const rest = unmask(sentences.slice(1).join(' '), joined.spans).trim();
      // The lead sentence must name something technical (a Latin-letter term, code, a number): "시험 전에 다시
      // 볼 것." is a note to self, not a question.
      if (
        first.split(/\s+/).length >= 4 &&
        rest.split(/\s+/).length >= 4 &&
        (/[A-Za-z0-9`]/.test(first) || first.split(/\s+/).length >= 6) &&
        rest.length <= 1000 &&
        first.length <= 300
      )
        this.push(
          { kind: 'basic', rule: 'paragraph', prompt: first, answer: rest },
          lines[0]!.line,
          ctx,
          tags,
          first,
        );
    }
  }
}

/** The heading path in force: the parent's, the open headings, then a pseudo-heading line if any. */
function contextOf(parent: Ctx, headings: string[], pseudo: string | null): Ctx {
  const out = parent.slice();
  for (const h of headings) if (h) out.push(h);
  if (pseudo) out.push(pseudo);
  return out;
}

/** `/[?？]$/` on the trimmed text, without trimming it. */
function endsWithQuestionMark(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && isSpaceCode(text.charCodeAt(end))) end--;
  const c = text.charCodeAt(end);
  return c === 63 || c === 0xff1f;
}

/** The line a position of prose lines joined by spaces falls on. */
function lineAt(lines: Line[], pos: number): number {
  let acc = 0;
  for (const l of lines) {
    acc += l.text.trim().length + 1;
    if (pos < acc) return l.line;
  }
  return lines[lines.length - 1]!.line;
}

/** Note tags then the line's own, without repeats; no new arrays when one side is empty. */
function mergeTags(note: string[], own: string[]): string[] {
  if (own.length === 0) return note.length === 0 ? own : note.slice();
  if (note.length === 0) return own.length < 2 ? own.slice() : [...new Set(own)];
  return [...new Set([...note, ...own])];
}

/** A card of a rule that claims the line (anything but auto-cloze and option glosses). */
function hasOwnCard(made: LineCard[]): boolean {
  for (const c of made) if (c.rule !== 'auto-cloze' && c.rule !== 'option-list') return true;
  return false;
}

/** A soft-wrapped sentence: the next line goes on in lower case, or this one stops on a joining word. */
function continuesSentence(line: string, next: string): boolean {
  // Titles are short; a long line that runs on into the next is a wrapped sentence.
  if (line.trim().length > 50 && !/[:：]$/.test(line.trim())) return true;
  return (
    /^[a-z(]/.test(next.trim()) ||
    /(?:\s(?:the|a|an|of|to|in|on|for|and|or|with|by|from|that|is|are)|,)$/i.test(line.trim())
  );
}

/** "**Key:** text", "> **Problem:** text": the label opens the line, the text is what is asked. */
function dropSectionLabel(text: string): string {
  const colon = text.indexOf(':');
  if ((colon < 0 || colon > 40) && !text.includes('：')) return text;
  // "**Key:** text": any section label.
  const bold = BOLD_LABEL.exec(text);
  if (bold) return isSectionLabel(bold[2]!) ? bold[1]! + text.slice(bold[0].length) : text;
  // The plain "IMPORTANT: text" / "참고: text" only for a callout word; "Example: `…`" still asks its example.
  const plain = PLAIN_LABEL.exec(text);
  return plain && CALLOUT.test(plain[2]!.trim()) ? plain[1]! + text.slice(plain[0].length) : text;
}

const BOLD_LABEL = /^(\s*(?:>\s*)?)\*\*([^*]{1,30}?)\s*[:：]\*\*\s+(?=\S)/;
const PLAIN_LABEL = /^(\s*(?:>\s*)?)([A-Za-z\uAC00-\uD7A3][A-Za-z\uAC00-\uD7A3 ]{0,19}?)\s*[:：]\s+(?=\S)/;

const CALLOUT =
  /^(?:note|nb|tip|tips|important|warning|caution|key|critical|hint|also|참고|주의|팁|중요|힌트|포인트|핵심)$/i;

/** "… with:" over a line that is one code span. */
function introducesCode(line: string, next: string): boolean {
  // Most next lines do not open with a backtick; that test needs no trimmed copy.
  let i = 0;
  while (i < next.length && (next.charCodeAt(i) === 32 || next.charCodeAt(i) === 9)) i++;
  if (next.charCodeAt(i) !== 96) return false;
  return /[:：]\s*$/.test(line) && /^`[^`]+`$/.test(next.trim());
}

/** A line written wholly in emphasis (`__*task*__`, `***task***`) is read for its words. */
function unwrapEmphasis(text: string): string {
  const m = /^(\s*)(?:__\*|\*\*\*|\*\*_|___)(?=\S)(.+?)(?<=\S)(?:\*__|\*\*\*|_\*\*|___)\s*$/.exec(text);
  return m ? m[1]! + m[2]! : text;
}

function paraText(lines: Line[]): string {
  return lines
    .map((l) => l.text.trim())
    .join('\n')
    .trim();
}

function lineHasFacts(text: string): boolean {
  const masked = maskInline(text);
  return hasFacts(extractTags(masked.text).text, masked.spans);
}

function lineHasCard(text: string): boolean {
  const masked = maskInline(text);
  return lineCards(extractTags(masked.text).text, masked.spans).some((c) => c.rule !== 'auto-cloze');
}

// A line cut by a hard wrap: it stops on a word or a comma that needs more ("… should be developed to", "… the name
// of the" over "Service, the second …"). A line that merely lacks a full stop is not enough: many writers put one
// statement on each line without one ("plugins get installed to `/opt/cni/bin` …" over "config on how to use …").
// Korean lines are left as written: many Korean notes put one fact on each line.
const WRAPPED_END =
  /\s(?:the|a|an|of|to|in|on|at|for|and|or|but|with|by|from|into|via|like|as|than|that|which|where|when|if|is|are|be|was|were|can|will|its|their|your)$/i;
const ENDS_SENTENCE = /[.!?:：;]$/;
function wrapsOnto(line: string, next: string): boolean {
  const l = line.trimEnd();
  const n = next.trimStart();
  if (!n || hasHangul(l) || hasHangul(n) || ENDS_SENTENCE.test(l)) return false;
  return (WRAPPED_END.test(l) || l.endsWith(',')) && /^[\w`("']/.test(n);
}

/**
 * Hard-wrapped prose, as many editors save it, is one line per sentence again: the wrapped run is joined and cut
 * at its sentences, so a line rule asks a sentence, not the piece of one between two wraps ("[...]. The first part
 * is the name of the"). Each sentence keeps the number of the line it starts on.
 */
function joinWrappedLines(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  for (let k = 0; k < lines.length; k++) {
    let end = k;
    while (end + 1 < lines.length && wrapsOnto(lines[end]!.text, lines[end + 1]!.text)) end++;
    if (end === k) {
      out?.push(lines[k]!);
      continue;
    }
    out ??= lines.slice(0, k);
    out.push(...sentencesOf(lines.slice(k, end + 1)));
    k = end;
  }
  return out ?? lines;
}

/** The sentences of a run of wrapped lines, each on the line it starts on. */
function sentencesOf(run: Line[]): Line[] {
  const starts: number[] = [];
  let text = '';
  for (const l of run) {
    if (text) text += ' ';
    starts.push(text.length);
    text += l.text.trim();
  }
  const masked = maskInline(text);
  const out: Line[] = [];
  let offset = 0;
  for (const s of splitSentences(masked.text)) {
    const at = masked.text.indexOf(s, offset);
    offset = at + s.length;
    // The masked text keeps the length of each code span's placeholder, not of the span: find the line by the
    // unmasked length of what comes before.
    const before = unmask(masked.text.slice(0, Math.max(0, at)), masked.spans).length;
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= before) k++;
    out.push({ text: unmask(s, masked.spans), line: run[k]!.line });
  }
  return out;
}

// A short line that ends in a colon, maybe with an aside after it: it introduces the answer below, it is not one.
const LEAD_IN = /^[^\n.]{1,60}[:：]\s*(?:\([^)\n]*\))?\s*$/;
