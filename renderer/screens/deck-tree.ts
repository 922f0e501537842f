import type { ApiResult } from '../../core/api.ts';

export type DeckItem = ApiResult<'decks/list'>[number];
export type DeckNode = {
  /** The full name ("CKA::포트"), which is also what review/next and decks/set-limits take. */
  path: string;
  label: string;
  /** The deck row itself; null for a parent that exists only as a prefix of its sub-decks. */
  deck: DeckItem | null;
  children: DeckNode[];
  /** Cards in this deck and every sub-deck. */
  cards: number;
};

/** `::` in a deck name makes a sub-deck: "A::B" and "A::C" hang under "A" whether or not "A" has cards itself. */
export function deckTree(decks: DeckItem[]): DeckNode[] {
  const roots: DeckNode[] = [];
  const byPath = new Map<string, DeckNode>();
  const node = (path: string): DeckNode => {
    let n = byPath.get(path);
    if (n) return n;
    const cut = path.lastIndexOf('::');
    n = { path, label: cut < 0 ? path : path.slice(cut + 2), deck: null, children: [], cards: 0 };
    byPath.set(path, n);
    (cut < 0 ? roots : node(path.slice(0, cut)).children).push(n);
    return n;
  };
  for (const d of [...decks].sort((a, b) => a.name.localeCompare(b.name))) node(d.name).deck = d;
  const total = (n: DeckNode): number => {
    n.cards = (n.deck?.cards ?? 0) + n.children.reduce((s, c) => s + total(c), 0);
    return n.cards;
  };
  for (const r of roots) total(r);
  return roots;
}

/** Every path in the tree, parents before children (for one due-count call). */
export const allPaths = (nodes: DeckNode[]): string[] =>
  nodes.flatMap((n) => [n.path, ...allPaths(n.children)]);
