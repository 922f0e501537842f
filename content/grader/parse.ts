import {
  Composer,
  type CST,
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Parser,
} from 'yaml';
import { YAML_PROBLEM_WORDS, type YamlProblem, yamlProblem } from '../yaml-problems.ts';
import type { ConcretePath, GradeIssue, Loc, Text } from './types.ts';

/** Answers above this size are refused before parsing: a manifest is a few KB; 10 MB is an accident or an attack. */
export const MAX_ANSWER_BYTES = 256 * 1024;
/** Aliases are legitimate in YAML but a "billion laughs" bomb needs many; a manifest needs almost none. */
export const MAX_ALIAS_COUNT = 50;
/**
 * A Deployment's deepest field is about 15 levels down; 100 leaves room for anything real while keeping every
 * recursive step after parsing (the YAML composer, validation, defaults) far from the stack limit.
 */
export const MAX_DEPTH = 100;

export type ParsedDoc = {
  index: number;
  doc: Document.Parsed;
  /** The document as plain JSON-like data. */
  value: Record<string, unknown>;
  loc: Loc;
};

export type ParseResult = { docs: ParsedDoc[]; issues: GradeIssue[]; lines: LineCounter };

function locOf(lines: LineCounter, offset: number): Loc {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

const HELM = /\{\{-?\s*[.$a-zA-Z(]/;

export type ParseOptions = { maxBytes?: number };

/** Parses a multi-document answer; never throws. */
export function parseAnswer(text: string, opts: ParseOptions = {}): ParseResult {
  const lines = new LineCounter();
  const issues: GradeIssue[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  const maxBytes = opts.maxBytes ?? MAX_ANSWER_BYTES;
  if (bytes > maxBytes) {
    const limit = `${Math.round(maxBytes / 1024)} KB`;
    issues.push({
      code: 'too-large',
      text: {
        en: `the answer is ${Math.round(bytes / 1024)} KB; answers are limited to ${limit}`,
        ko: `답안이 ${Math.round(bytes / 1024)} KB입니다. 답안은 ${limit}까지만 받습니다`,
      },
      loc: null,
    });
    return { docs: [], issues, lines };
  }
  if (text.trim() === '') {
    issues.push({
      code: 'empty',
      text: { en: 'the answer is empty', ko: '답안이 비어 있습니다' },
      loc: null,
    });
    return { docs: [], issues, lines };
  }
  const helm = HELM.exec(text);
  if (helm) {
    issues.push({
      code: 'helm',
      text: {
        en: 'this looks like a Helm template ({{ ... }}); write the rendered manifest instead',
        ko: 'Helm 템플릿({{ ... }})처럼 보입니다. 렌더링된 매니페스트를 작성하세요',
      },
      loc: locFromText(text, helm.index),
    });
    return { docs: [], issues, lines };
  }
  let raw: Document.Parsed[];
  try {
    // Parsing in two steps lets the nesting depth be measured on the concrete syntax tree (built without
    // recursion) before the composer, which recurses per level, ever sees it.
    const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
    const deep = tooDeep(tokens);
    if (deep !== null) {
      issues.push({
        code: 'yaml',
        text: {
          en: `the YAML is nested deeper than ${MAX_DEPTH} levels; a manifest is never that deep`,
          ko: `YAML이 ${MAX_DEPTH}단계보다 깊게 중첩되어 있습니다. 매니페스트는 이렇게 깊지 않습니다`,
        },
        loc: locOf(lines, deep),
      });
      return { docs: [], issues, lines };
    }
    // The composer's own unique-key check compares every key with every earlier one (20,000 keys: seconds);
    // duplicates are found below with one set per mapping instead.
    raw = Array.from(new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens));
  } catch (e) {
    issues.push({ code: 'yaml', text: yamlText((e as Error).message, yamlProblem(e)), loc: null });
    return { docs: [], issues, lines };
  }
  const docs: ParsedDoc[] = [];
  raw.forEach((doc, index) => {
    for (const err of doc.errors) {
      issues.push({
        code: 'yaml',
        text: yamlText(firstLine(err.message), yamlProblem(err)),
        loc: locOf(lines, err.pos[0]),
      });
    }
    if (doc.errors.length > 0) return;
    const dup = duplicateKey(doc);
    if (dup) {
      issues.push({
        code: 'yaml',
        text: {
          en: `duplicate key: "${dup.key}" appears twice in the same mapping (keys must be unique)`,
          ko: `중복된 키: "${dup.key}"가 같은 매핑에 두 번 있습니다 (키는 고유해야 합니다)`,
        },
        loc: locOf(lines, dup.offset),
      });
      return;
    }
    const contents = doc.contents;
    const start = contents?.range?.[0] ?? 0;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === '')))
      return;
    if (!isMap(contents)) {
      issues.push({
        code: 'not-mapping',
        text: {
          en: 'this document is not a mapping (expected apiVersion:, kind:, metadata: ...); is it really YAML?',
          ko: '이 문서는 매핑이 아닙니다(apiVersion:, kind:, metadata: ... 가 있어야 함). YAML이 맞나요?',
        },
        loc: locOf(lines, start),
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const msg = (e as Error).message;
      const bomb = /alias/i.test(msg);
      issues.push({
        code: 'yaml',
        text: bomb
          ? {
              en: 'too many aliases (*ref): this looks like a YAML bomb; write the manifest out',
              ko: '별칭(*ref)이 너무 많습니다. YAML 폭탄처럼 보입니다. 매니페스트를 풀어서 작성하세요',
            }
          : yamlText(msg, yamlProblem(e)),
        loc: locOf(lines, start),
      });
      return;
    }
    docs.push({ index, doc, value: value as Record<string, unknown>, loc: locOf(lines, start) });
  });
  if (docs.length === 0 && issues.length === 0) {
    issues.push({
      code: 'empty',
      text: { en: 'the answer has no documents', ko: '답안에 문서가 없습니다' },
      loc: null,
    });
  }
  return { docs, issues, lines };
}

const isCollection = (t: CST.Token): boolean =>
  t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';

/** Offset of the first collection nested deeper than MAX_DEPTH, or null. Iterative: depth is the input's. */
function tooDeep(tokens: CST.Token[]): number | null {
  const stack: [CST.Token | undefined | null, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'document') {
      stack.push([t.value, depth]);
      continue;
    }
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > MAX_DEPTH) return t.offset;
      for (const it of t.items) {
        const item = it as { key?: CST.Token | null; value?: CST.Token | null };
        // Only collections nest; scalars (most of a big document) need no visit.
        if (item.key && isCollection(item.key)) stack.push([item.key, depth + 1]);
        if (item.value && isCollection(item.value)) stack.push([item.value, depth + 1]);
      }
    }
  }
  return null;
}

/** The first key repeated within one mapping (compared by its string form, as the API server's decoder does). */
function duplicateKey(doc: Document.Parsed): { key: string; offset: number } | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key;
        const key = isScalar(k) ? String(k.value) : JSON.stringify(k);
        if (seen.has(key)) return { key, offset: (k as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0 };
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return null;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/**
 * A YAML problem in both languages: English keeps the library's own sentence (it names the line and what it
 * found); Korean says the same problem in Korean words, by the library's error code.
 */
function yamlText(msg: string, problem: YamlProblem): Text {
  const m = firstLine(msg);
  const ko = problem === 'OTHER' ? m : YAML_PROBLEM_WORDS[problem].ko;
  if (/tab/i.test(m) || problem === 'TAB_AS_INDENT') {
    return {
      en: `not valid YAML: ${m} (indent with spaces, not tabs)`,
      ko: `올바른 YAML이 아닙니다: ${ko} (들여쓰기는 탭이 아니라 공백으로)`,
    };
  }
  if (/unique/i.test(m) || problem === 'DUPLICATE_KEY') {
    return { en: `duplicate key: ${m}`, ko: `중복된 키: ${ko}` };
  }
  return { en: `not valid YAML: ${m}`, ko: `올바른 YAML이 아닙니다: ${ko}` };
}

function locFromText(text: string, offset: number): Loc {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

type MapNode = Extract<Node, { items: unknown[] }> & { items: { key: unknown; value: unknown }[] };
type KeyedPair = MapNode['items'][number];
/** Each map's pairs by key, built once: an answer with thousands of issues would otherwise scan its map per issue. */
const pairIndex = new WeakMap<object, Map<string, KeyedPair>>();

function pairsByKey(map: MapNode): Map<string, KeyedPair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items)
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * Finds where a concrete path lives in a parsed document: the value node, or the key when `key` is asked for.
 * When the path does not exist (a default, a missing field) it returns the nearest existing ancestor.
 */
export function locate(
  doc: Document.Parsed,
  path: ConcretePath,
  lines: LineCounter,
  key = false,
): Loc | null {
  let node: unknown = doc.contents;
  let best: Node | null = (doc.contents as Node | null) ?? null;
  let bestKey: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) break;
      bestKey = pair.key as Node;
      node = pair.value;
      best = (pair.value as Node | null) ?? bestKey;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      bestKey = null;
      best = item as Node;
    } else {
      break;
    }
  }
  const target = key && bestKey ? bestKey : (best ?? bestKey);
  const offset = target?.range?.[0];
  if (offset === undefined) return null;
  return locOf(lines, offset);
}
