import { createHash } from 'node:crypto';

/**
 * What Kubedeck knows about a note it exported and Anki's fields cannot say: each card's Markdown, kind, rule and
 * language, and a hash of the fields as written. It rides at the end of the first field as an HTML comment, which
 * Anki keeps (and never shows) until the learner edits that field; notes.data would not survive a trip through Anki.
 * On import, a field whose hash still matches is unedited and gives back its Markdown exactly; an edited field is
 * read from its HTML.
 */
export type NoteSource = {
  v: 1;
  kind: string;
  rule: string;
  lang: string;
  exercise?: string;
  context: string[];
  cards: { prompt: string; answer: string }[];
  /** Image paths the Markdown names → the file name the package gives each. */
  images?: Record<string, string>;
  /** Each field's hash as exported (see fieldHash). */
  h: string[];
};

const COMMENT = /<!--kubedeck:([A-Za-z0-9_-]+)-->$/;

const fieldHash = (field: string) => createHash('sha1').update(field).digest('base64url').slice(0, 12);

/** The fields with the source comment appended to the first one. */
export function withSource(fields: string[], source: Omit<NoteSource, 'h' | 'v'>): string[] {
  const full: NoteSource = { v: 1, ...source, h: fields.map(fieldHash) };
  const comment = `<!--kubedeck:${Buffer.from(JSON.stringify(full)).toString('base64url')}-->`;
  return [fields[0] + comment, ...fields.slice(1)];
}

/** The fields without the comment, the source it held, and which fields are still as Kubedeck wrote them. */
export function readSource(fields: string[]): {
  fields: string[];
  source: NoteSource | null;
  unedited: boolean[];
} {
  const m = COMMENT.exec(fields[0] ?? '');
  if (!m) return { fields, source: null, unedited: [] };
  const bare = [fields[0]!.slice(0, m.index), ...fields.slice(1)];
  try {
    const s = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as NoteSource;
    if (s?.v !== 1 || !Array.isArray(s.cards) || !Array.isArray(s.context) || !Array.isArray(s.h))
      return { fields: bare, source: null, unedited: [] };
    return { fields: bare, source: s, unedited: bare.map((f, i) => s.h[i] === fieldHash(f)) };
  } catch {
    return { fields: bare, source: null, unedited: [] };
  }
}

/** A note's guid when Kubedeck exported it: its cards' own ids, in template (or cloze number) order. */
const GUID_PREFIX = 'kd1:';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const guidOfCards = (ids: string[]) => `${GUID_PREFIX}${ids.join('.')}`;
export function cardIdsOfGuid(guid: string): string[] | null {
  if (!guid.startsWith(GUID_PREFIX)) return null;
  const ids = guid.slice(GUID_PREFIX.length).split('.');
  return ids.every((id) => ID.test(id)) ? ids : null;
}
