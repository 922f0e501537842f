import { parse } from 'yaml';

export type FrontMatter = { deck?: string; lang?: 'ko' | 'en'; tags: string[]; lines: number };

/** Reads a leading `---` YAML block. Returns how many lines it spans so the body keeps its line numbers. */
export function readFrontMatter(lines: string[]): {
  fm: FrontMatter;
  error?: { line: number; message: string };
} {
  const empty: FrontMatter = { tags: [], lines: 0 };
  if (lines[0]?.trim() !== '---') return { fm: empty };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0)
    return { fm: empty, error: { line: 1, message: 'front matter opened with --- but never closed' } };
  let data: unknown;
  try {
    data = parse(lines.slice(1, end).join('\n'), { maxAliasCount: 10 });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    return {
      fm: { ...empty, lines: end + 1 },
      error: { line: 2, message: `front matter is not valid YAML: ${msg}` },
    };
  }
  const fm: FrontMatter = { tags: [], lines: end + 1 };
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    if (typeof d.deck === 'string' && d.deck.trim()) fm.deck = d.deck.trim();
    if (d.lang === 'ko' || d.lang === 'en') fm.lang = d.lang;
    const tags = Array.isArray(d.tags) ? d.tags : typeof d.tags === 'string' ? d.tags.split(/[\s,]+/) : [];
    fm.tags = tags.map((t) => String(t).replace(/^#/, '').trim()).filter(Boolean);
  }
  return { fm };
}
