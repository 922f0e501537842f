import { parse as parseToml, TomlError } from 'smol-toml';
import { parse } from 'yaml';
import { type NoteMessage, noteMessage, yamlProblem } from './note-messages.ts';
import { DENSITIES, isDensity } from './select/select-cards.ts';
import type { Density } from './types.ts';

export type FrontMatter = {
  deck?: string;
  lang?: 'ko' | 'en';
  tags: string[];
  lines: number;
  density?: Density;
};

/**
 * Reads a leading front matter block: `---` YAML (Obsidian, Jekyll) or `+++` TOML (Hugo, Zola). Returns how many
 * lines it spans so the body keeps its line numbers; its lines are note settings, never card text.
 */
export function readFrontMatter(lines: string[]): {
  fm: FrontMatter;
  error?: { line: number; message: NoteMessage };
} {
  const empty: FrontMatter = { tags: [], lines: 0 };
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return { fm: empty };
  const end = frontMatterEnd(lines);
  if (end < 0)
    return { fm: empty, error: { line: 1, message: noteMessage('front-matter-unclosed', { fence }) } };
  const read = fence === '+++' ? readToml(lines, end) : readYaml(lines, end);
  if ('error' in read) return { fm: { ...empty, lines: end + 1 }, error: read.error };
  return settingsOf(read.data, lines, end);
}

/**
 * The line that closes a note's front matter (`---` or `...` after `---`, `+++` after `+++`), or -1 when the note
 * has none or it is never closed. Whoever else reads or writes the block (the rule switches) finds it here.
 */
export function frontMatterEnd(lines: readonly string[]): number {
  const fence = lines[0]?.trim();
  if (fence !== '---' && fence !== '+++') return -1;
  const closes = (l: string) => l.trim() === fence || (fence === '---' && l.trim() === '...');
  return lines.findIndex((l, i) => i > 0 && closes(l));
}

/**
 * The settings of a note's front matter block, YAML or TOML as its fence says, or undefined when it does not parse
 * (readFrontMatter gives the warning). `end` is frontMatterEnd's line.
 */
export function frontMatterSettings(
  lines: readonly string[],
  end: number,
): Record<string, unknown> | undefined {
  const block = lines.slice(1, end).join('\n');
  try {
    const data: unknown = lines[0]!.trim() === '+++' ? parseToml(block) : parse(block, { maxAliasCount: 10 });
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

type Read = { data: unknown } | { error: { line: number; message: NoteMessage } };

function readYaml(lines: string[], end: number): Read {
  const simple = simpleYaml(lines, 1, end);
  if (simple !== undefined) return { data: simple };
  try {
    return { data: parse(lines.slice(1, end).join('\n'), { maxAliasCount: 10 }) };
  } catch (e) {
    const detail = (e as Error).message.split('\n')[0] ?? '';
    // The YAML library knows the line inside the block; the block starts on the note's line 2.
    const at = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return {
      error: {
        line: at ? at + 1 : 2,
        message: noteMessage('front-matter-yaml', { yaml: yamlProblem(e), detail }),
      },
    };
  }
}

function readToml(lines: string[], end: number): Read {
  try {
    return { data: parseToml(lines.slice(1, end).join('\n')) };
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    // The library's first line says what is wrong; the rest draws the spot, which the file:line already names.
    const detail = e.message.split('\n')[0]?.replace(/^Invalid TOML document:\s*/, '') ?? '';
    return { error: { line: e.line + 1, message: noteMessage('front-matter-toml', { detail }) } };
  }
}

/** The settings a note may give itself: its deck, language, tags and card density. */
function settingsOf(data: unknown, lines: string[], end: number): ReturnType<typeof readFrontMatter> {
  const fm: FrontMatter = { tags: [], lines: end + 1 };
  if (!data || typeof data !== 'object') return { fm };
  const d = data as Record<string, unknown>;
  if (typeof d.deck === 'string' && d.deck.trim()) fm.deck = d.deck.trim();
  if (d.lang === 'ko' || d.lang === 'en') fm.lang = d.lang;
  const tags = Array.isArray(d.tags) ? d.tags : typeof d.tags === 'string' ? d.tags.split(/[\s,]+/) : [];
  fm.tags = tags.map((t) => String(t).replace(/^#/, '').trim()).filter(Boolean);
  if (d.density === undefined) return { fm };
  const v = String(d.density).trim().toLowerCase();
  if (isDensity(v)) {
    fm.density = v;
    return { fm };
  }
  const at = 1 + lines.slice(1, end).findIndex((l) => /^density\s*[:=]/.test(l));
  return {
    fm,
    error: {
      line: at + 1,
      message: noteMessage('density-unknown', {
        value: JSON.stringify(d.density),
        allowed: DENSITIES.join(', '),
      }),
    },
  };
}

const PLAIN = /^[^\s'"[\]{}#&*!|>%@`,?:-]/;

function scalar(raw: string): string | undefined {
  const v = raw.trim();
  if (/^'[^']*'$/.test(v) || /^"[^"\\]*"$/.test(v)) return v.slice(1, -1);
  return PLAIN.test(v) && !/:\s|:$|\s#|[[\]{},]/.test(v) ? v : undefined;
}

/**
 * The front matter almost every note has (`key: value` lines, `[a, b]` lists, plain or quoted scalars) read
 * without the YAML library, which costs more than the rest of a note's parse. Anything else returns undefined
 * and goes to the full parser, errors and all.
 */
function simpleYaml(lines: string[], from: number, to: number): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const m = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!m) return undefined;
    const raw = (m[2] ?? '').trim();
    if (!raw) return undefined;
    const list = /^\[(.*)\]$/.exec(raw);
    if (list) {
      const items = list[1]!.trim() ? list[1]!.split(',').map(scalar) : [];
      if (items.some((x) => x === undefined)) return undefined;
      out[m[1]!] = items;
      continue;
    }
    const v = scalar(raw);
    if (
      v === undefined ||
      /^(?:true|false|null|~|[-+]?\d[\d._]*(?:e[-+]?\d+)?|0x[\da-f]+|\.inf|\.nan)$/i.test(v)
    )
      return undefined;
    out[m[1]!] = v;
  }
  return out;
}
