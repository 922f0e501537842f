import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkNoteSafely, knownErrorsOf } from '../../content/facts/check-warnings.ts';
import { decodeNote } from '../../content/markdown/decode.ts';
import { readFrontMatter } from '../../content/markdown/front-matter.ts';
import { md } from '../../content/markdown/markdown.ts';
import { type ParseOptions, scoreNote } from '../../content/markdown/parse-note.ts';
import { DENSITY_LINE, JUNK_CAP, SUGGESTION_FLOOR } from '../../content/markdown/select/select-cards.ts';
import { signAgainst, vetoOn } from '../../content/markdown/select/weights.ts';
import type { Density, ParsedCard, ScoredCard, ScoreFeature } from '../../content/markdown/types.ts';
import { verdictsByKey } from '../../db/card-verdicts.ts';
import { cardIdByKey } from '../../db/cards.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import { noteMessageText } from '../i18n/note-messages.ts';
import { collectNoteFiles } from './collect-files.ts';
import { cardKey } from './identity.ts';
import { readImportSettings } from './import-settings.ts';
import { noteRulesOffSetting } from './note-rules-off.ts';
import { readNoteBytes } from './read-note.ts';
import { type ClozeOptions, type OffBy, readNoteSwitches, rulesOffFor } from './rule-switches.ts';

export type ExplainedCard = {
  kind: string;
  rule: string;
  prompt: string;
  answer: string;
  /** The stored card this became, when the note has been imported. */
  id?: string;
  /** Set when the rule that made it is switched off, so the card is not imported. */
  off?: OffBy;
  /** The selection's score: the sum of the features' weights (content/markdown/select). */
  score: number;
  /** About the share of such cards judges threw away: at the density's junk cap, a suggestion however high its score. */
  junkRisk: number;
  features: ScoreFeature[];
  /** card: kept; suggestion: under the density line (or at its junk cap), over the floor; dropped: under the floor or `lostTo`. */
  verdict: ScoredCard['verdict'];
  /** The prompt of the better candidate of the same fact this one lost to. */
  lostTo?: string;
  /** Over the line, offered as a suggestion for its junk risk (the selection's own verdict, not worked out again). */
  heldBack?: ScoredCard['heldBack'];
  /** The learner deleted this card or marked it bad: no import makes it again. */
  tombstoned?: boolean;
};

/** Why a line gave no card. */
export type NoCardReason =
  | 'front-matter'
  | 'code'
  | 'manifest'
  | 'multiline'
  | 'answer'
  | 'blank'
  | 'no-rule';

export type Explanation = {
  file: string;
  line: number;
  text: string;
  /** Every candidate the rules proposed for the line, with its score and verdict. */
  cards: ExplainedCard[];
  /** The density this note is read at, its score line and its junk cap. */
  density: Density;
  densityLine: number;
  junkCap: number;
  reason?: NoCardReason;
  /** For `manifest`, `multiline` and `answer`: the line of the card the line belongs to. */
  partOf?: number;
};

/** Which rule made the cards of one line (and whether it is switched off), or why the line made none. */
export function explainLine(
  ctx: Ctx,
  a: { file: string; line: number; deck?: string; density?: Density },
): Explanation {
  // It prints the line it explains, so over `serve` it must not become a way to read any file: notes only.
  if (!/\.(md|markdown)$/i.test(a.file))
    throw new KubedeckError('not-a-note', `${a.file}: not a Markdown note (.md or .markdown)`, 2);
  const collected = collectNoteFiles([a.file]);
  const skipped = collected.skipped?.[0];
  if (skipped)
    throw new KubedeckError('not-a-file', `${a.file}: ${noteMessageText(ctx.lang, skipped.message)}`);
  const f = collected.files[0]!;
  const read = readNoteBytes(f.abs);
  if ('error' in read)
    throw new KubedeckError('unreadable', `${a.file}: ${noteMessageText(ctx.lang, read.error)}`);
  const d = decodeNote(read.bytes);
  if (d.refuse) throw new KubedeckError('unreadable', `${a.file}:1: ${noteMessageText(ctx.lang, d.refuse)}`);
  const lines = d.text.split('\n');
  const last = d.text.endsWith('\n') ? lines.length - 1 : lines.length;
  if (a.line > last)
    throw new KubedeckError('usage', `${a.file}: has ${last} lines; there is no line ${a.line}`, 2);

  const settings = readImportSettings(ctx.db);
  const switches = readNoteSwitches(d.text, a.file, []);
  const opts: ParseOptions & ClozeOptions = {
    deck: a.deck,
    dir: dirname(f.abs),
    fileExists: existsSync,
    boldCloze: switches.boldCloze ?? settings['import.boldCloze'],
    curlyCloze: switches.curlyCloze ?? settings['import.curlyCloze'],
    density: a.density ?? settings['import.density'],
    // As an import reads it: a value the Kubernetes check found wrong is not drilled.
    knownErrors: knownErrorsOf(checkNoteSafely(a.file, d.text).checks),
  };
  const density = readFrontMatter(lines).fm.density ?? opts.density!;
  const scored = scoreNote(f.abs, d.text, opts);
  const off = rulesOffFor(settings['import.rulesOff'], switches, noteRulesOffSetting(ctx.db)[f.source]);
  const verdicts = verdictsByKey(ctx.db);
  const text = lines[a.line - 1]!;
  const cards = scored
    .filter((c) => c.line === a.line)
    .sort((x, y) => y.score - x.score)
    .map((c): ExplainedCard => {
      const key = cardKey(c);
      const id = c.verdict === 'dropped' ? undefined : cardIdByKey(ctx.db, key, f.source);
      const by = off.get(c.rule);
      const gone = verdicts.get(key);
      return {
        kind: c.kind,
        rule: c.rule,
        prompt: c.prompt,
        answer: c.answer,
        ...(id && !by ? { id } : {}),
        ...(by ? { off: by } : {}),
        score: c.score,
        junkRisk: c.junkRisk,
        features: c.features,
        verdict: c.verdict,
        ...(c.lostTo !== undefined ? { lostTo: c.lostTo } : {}),
        ...(c.heldBack ? { heldBack: c.heldBack } : {}),
        ...(gone === 'deleted' || gone === 'bad' ? { tombstoned: true } : {}),
      };
    });
  const out: Explanation = {
    file: a.file,
    line: a.line,
    text,
    cards,
    density,
    densityLine: DENSITY_LINE[density],
    junkCap: JUNK_CAP[density],
  };
  if (cards.length > 0) return out;
  return {
    ...out,
    // A line inside a manifest or an answer offered as a suggestion is part of it too.
    ...whyNoCard(
      lines,
      a.line,
      scored.filter((c) => c.verdict !== 'dropped'),
    ),
  };
}

function whyNoCard(
  lines: string[],
  line: number,
  cards: ParsedCard[],
): { reason: NoCardReason; partOf?: number } {
  const { fm } = readFrontMatter(lines);
  if (line <= fm.lines) return { reason: 'front-matter' };
  for (const c of cards) {
    // A manifest card's block, or a multi-line card's question, `?` and answer lines, belong to the card.
    const fenced = /^\s*(```|~~~)/.test(lines[c.line - 1] ?? '');
    const span =
      c.rule === 'manifest'
        ? c.answer.split('\n').length + (fenced ? 2 : 0)
        : c.rule === 'explicit-multiline'
          ? c.prompt.split('\n').length + 1 + c.answer.split('\n').length
          : 0;
    if (span > 0 && line > c.line && line < c.line + span)
      return { reason: c.rule === 'manifest' ? 'manifest' : 'multiline', partOf: c.line };
  }
  const body = lines.map((l, i) => (i < fm.lines ? '' : l)).join('\n');
  for (const tok of md.parse(body, {})) {
    if (!tok.map || (tok.type !== 'fence' && tok.type !== 'code_block')) continue;
    if (line - 1 >= tok.map[0] && line - 1 < tok.map[1]) return { reason: 'code' };
  }
  const own = lines[line - 1]!.trim();
  if (!own) return { reason: 'blank' };
  // A list item or an answer line gives no card of its own: it is the answer of a card above it.
  const item = own.replace(/^([-*+]|\d+[.)]|=>)\s+/, '');
  const holder = [...cards]
    .reverse()
    .find((c) => c.line < line && item.length > 0 && c.answer.includes(item));
  if (holder) return { reason: 'answer', partOf: holder.line };
  return { reason: 'no-rule' };
}

const OFF_BY: Record<OffBy, string> = {
  setting: 'the setting import.rulesOff',
  'front matter': 'this note’s rules-off',
  'note setting': 'a per-note setting',
};

/** Why the selection decided what it did, in the rubric's words. */
function verdictText(c: ExplainedCard, e: Explanation): string {
  if (c.tombstoned) return 'you deleted this card; it is not made again';
  if (e.density === 'all' && c.features[0]?.name !== 'written-as-a-card' && c.lostTo === undefined) {
    const against = signAgainst(c);
    if (c.verdict === 'card')
      return 'kept: the note is written as cards (density all) and nothing counts against it';
    if (c.verdict === 'suggestion')
      return `suggestion: the note is written as cards (density all), but ${against} counts against it`;
    return `dropped: ${vetoOn(c)} rules it out`;
  }
  if (c.verdict === 'card')
    return c.features[0]?.name === 'written-as-a-card'
      ? 'written as a card'
      : `kept: at or over the ${e.density} line ${e.densityLine}`;
  if (c.verdict === 'suggestion')
    return c.heldBack
      ? `suggestion: at or over the ${e.density} line ${e.densityLine}, but its junk risk ${c.junkRisk} is at or over the cap ${e.junkCap}`
      : `suggestion: under the ${e.density} line ${e.densityLine}, over the floor ${SUGGESTION_FLOOR}`;
  if (c.lostTo !== undefined && (c.score >= SUGGESTION_FLOOR || e.density === 'all'))
    return `dropped: lost to a better card of the same fact, "${oneLine(c.lostTo)}"`;
  return `dropped: under the floor ${SUGGESTION_FLOOR}`;
}

const weight = (w: number) => (w < 0 ? `- ${-w}` : `+ ${w}`);

/** One line per candidate with its verdict, then its score feature by feature, for the terminal. */
export function explanationText(e: Explanation): string[] {
  const out = [`${e.file}:${e.line}: ${e.text.trim()}`];
  for (const c of e.cards) {
    const what = `${c.rule} (${c.kind}): ${oneLine(c.prompt)} → ${oneLine(c.answer)}`;
    const state = c.off
      ? `  [switched off by ${OFF_BY[c.off]}; not imported]`
      : c.id
        ? `  [card ${c.id}]`
        : '';
    out.push(`  ${what}${state}`);
    const [first, ...rest] = c.features;
    const sum = first
      ? [`${first.name} ${first.weight}`, ...rest.map((f) => `${weight(f.weight)} ${f.name}`)].join(' ')
      : '';
    const risk = first?.name === 'written-as-a-card' ? '' : `, junk risk ${c.junkRisk}`;
    out.push(
      `    score ${c.score}${sum && first?.name !== 'written-as-a-card' ? ` = ${sum}` : ''}${risk}: ${verdictText(c, e)}`,
    );
  }
  if (e.reason) out.push(`  no card: ${REASONS[e.reason](e.partOf)}`);
  return out;
}

const REASONS: Record<NoCardReason, (partOf?: number) => string> = {
  'front-matter': () => 'the line is in the front matter (note settings, never card text)',
  code: () => 'the line is inside fenced or indented code, which is never read as card syntax',
  manifest: (at) => `the line is part of the manifest card at line ${at}`,
  multiline: (at) => `the line is part of the multi-line card at line ${at}`,
  answer: (at) => `the line is part of the answer of the card at line ${at}`,
  blank: () => 'the line is blank',
  'no-rule': () => 'no rule matched this line',
};

const oneLine = (s: string) => {
  const t = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
};
