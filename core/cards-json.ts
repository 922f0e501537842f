import type { CardListRow } from '../db/cards.ts';

/** The card as every way in shows it (CLI --json, HTTP, UI). */
export type CardJson = {
  id: string;
  deck: string;
  lang: string;
  kind: 'basic' | 'reversed' | 'cloze' | 'list' | 'manifest';
  prompt: string;
  answer: string;
  context: string[];
  tags: string[];
  source: { file: string | null; line: number | null };
  rule: string;
  suspended: boolean;
  /** Dry run only: the Obsidian SR schedule the import will give this card (due day, interval in days). */
  sr?: { due: string; interval: number };
  /** The card's other decks, when it is in more than one (an Obsidian SR line under two deck tags). */
  alsoIn?: string[];
};

export function toCardJson(r: CardListRow): CardJson {
  return {
    id: r.id,
    deck: r.deck,
    lang: r.lang,
    kind: r.kind as CardJson['kind'],
    prompt: r.prompt,
    answer: r.answer,
    context: JSON.parse(r.context) as string[],
    tags: JSON.parse(r.tags) as string[],
    source: { file: r.source_file, line: r.source_line },
    rule: r.rule,
    suspended: r.suspended === 1,
    ...alsoIn(r.also_in),
  };
}

function alsoIn(json: string | undefined): { alsoIn?: string[] } {
  const names = json ? (JSON.parse(json) as string[]) : [];
  return names.length > 0 ? { alsoIn: names } : {};
}
