import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';
import type { ConcretePath, GradeIssue, Loc, Text } from './types.ts';

/** Answers above this size are refused before parsing: a manifest is a few KB; 10 MB is an accident or an attack. */
export const MAX_ANSWER_BYTES = 256 * 1024;
/** Aliases are legitimate in YAML but a "billion laughs" bomb needs many; a manifest needs almost none. */
export const MAX_ALIAS_COUNT = 50;

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

/** Parses a multi-document answer; never throws. */
export function parseAnswer(text: string): ParseResult {
  const lines = new LineCounter();
  const issues: GradeIssue[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_ANSWER_BYTES) {
    issues.push({
      code: 'too-large',
      text: {
        en: `the answer is ${Math.round(bytes / 1024)} KB; answers are limited to 256 KB`,
        ko: `답안이 ${Math.round(bytes / 1024)} KB입니다. 답안은 256 KB까지만 받습니다`,
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
    const all = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    raw = Array.isArray(all) ? all : [];
  } catch (e) {
    issues.push({ code: 'yaml', text: yamlText((e as Error).message), loc: null });
    return { docs: [], issues, lines };
  }
  const docs: ParsedDoc[] = [];
  raw.forEach((doc, index) => {
    for (const err of doc.errors) {
      issues.push({ code: 'yaml', text: yamlText(firstLine(err.message)), loc: locOf(lines, err.pos[0]) });
    }
    if (doc.errors.length > 0) return;
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
          : yamlText(msg),
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

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function yamlText(msg: string): Text {
  const m = firstLine(msg);
  if (/tab/i.test(m)) {
    return {
      en: `not valid YAML: ${m} (indent with spaces, not tabs)`,
      ko: `올바른 YAML이 아닙니다: ${m} (들여쓰기는 탭이 아니라 공백으로)`,
    };
  }
  if (/unique/i.test(m)) {
    return { en: `duplicate key: ${m}`, ko: `중복된 키: ${m}` };
  }
  return { en: `not valid YAML: ${m}`, ko: `올바른 YAML이 아닙니다: ${m}` };
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
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
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
