import { beforeAll, describe, expect, it } from 'vitest';
import {
  OSR_CASES,
  OSR_FREE_FORM_CASE,
  OSR_ISSUE_CASES,
  OSR_LINE_CLOZES_CASE,
  type OsrCase,
} from '../fixtures/osr/cases.ts';
import { type DryRunCard, dryRunCases, expectedOfUs, verdict } from '../fixtures/osr/compare.ts';

// Every case of the Obsidian Spaced Repetition plugin's own unit tests, in our words (test/fixtures/osr/cases.ts),
// imported as a new user would: one vault, `kubedeck import --dry-run --json`, an empty database.

/** Cases where Kubedeck's free-form rules add cards beside the plugin's (README: free-form cards are our design). */
const FREE_FORM_BESIDE = new Set([
  'fence-highlight',
  'fence-bold',
  'fence-curly',
  'code-mixed',
  'no-question',
  'tag-at-line-end',
]);

// What a free-form card must never be made of: the plugin's own markup.
const JUNK = /<!--|-->|SR:|#flashcards|#\d{4}\/|\s\^[A-Za-z0-9-]+$|\[!sr\|/;

let byCase: Map<string, DryRunCard[]>;
beforeAll(() => {
  byCase = dryRunCases([...OSR_CASES, ...OSR_ISSUE_CASES, OSR_FREE_FORM_CASE, OSR_LINE_CLOZES_CASE]);
});

function check(c: OsrCase): void {
  const got = byCase.get(c.id) ?? [];
  const v = verdict(c, got, { wanted: expectedOfUs(c) });
  expect({
    missing: v.missing,
    explicitExtra: v.extra.filter((g) => g.rule.startsWith('explicit-')),
  }).toEqual({
    missing: [],
    explicitExtra: [],
  });
  if (!FREE_FORM_BESIDE.has(c.id)) expect(v.extra.map((g) => [g.rule, g.prompt, g.answer])).toEqual([]);
  for (const g of v.extra) expect(`${g.prompt}\n${g.answer}`).not.toMatch(JUNK);
}

describe('the Obsidian SR plugin’s own test cases give the plugin’s cards, decks and schedules', () => {
  for (const c of OSR_CASES) it(`${c.id} (${c.from})`, () => check(c));
});

describe('the differences issue #19 found besides them', () => {
  for (const c of OSR_ISSUE_CASES) it(`${c.id}`, () => check(c));
});

describe('a line under two deck tags', () => {
  it('is one card (one id, one schedule) in both decks, as the plugin shows it', () => {
    const cards = (byCase.get('deck-two-tags-and-switch') ?? []).filter((g) => g.prompt === 'protocol');
    expect(cards.map((g) => [g.deck, g.sr])).toEqual([
      ['dns', { due: '2023-09-02', interval: 4 }],
      ['net', { due: '2023-09-02', interval: 4 }],
    ]);
    expect(new Set(cards.map((g) => g.id)).size).toBe(1);
    expect(cards[0]!.tags).not.toContain('flashcards/net');
  });
});

describe('differences by design (README, "Obsidian Spaced Repetition notes")', () => {
  const designed = OSR_CASES.filter((c) => c.design);

  it('are the ones the README lists, each giving other cards than the plugin', () => {
    expect(designed.map((c) => [c.id, c.design])).toEqual([['untagged', 'untagged']]);
    for (const c of designed) expect(verdict(c, byCase.get(c.id) ?? []).exact).toBe(false);
  });

  it('a note without a #flashcards tag still gives its cards', () => {
    expect((byCase.get('untagged') ?? []).map((g) => [g.prompt, g.answer])).toEqual([
      ['kubelet port', '10250'],
    ]);
  });

  it('in a note not written for the plugin, each line holding deletions is its own question', () => {
    check(OSR_LINE_CLOZES_CASE);
    expect((byCase.get(OSR_LINE_CLOZES_CASE.id) ?? []).map((g) => g.prompt.split('\n').length)).toEqual([
      1, 1, 2,
    ]);
  });

  it('written for the plugin, a paragraph of deletion lines is one question, each deletion asked with all of it', () => {
    const mix = (byCase.get('mix') ?? []).filter((g) => g.kind === 'cloze');
    expect(mix.map((g) => [g.prompt.split('\n').length, g.answer])).toEqual([
      [3, 'pods by label'],
      [3, 'routes'],
      [3, 'no endpoints,'],
    ]);
  });

  it('free-form cards are made beside explicit ones', () => {
    const got = byCase.get(OSR_FREE_FORM_CASE.id) ?? [];
    expect(verdict(OSR_FREE_FORM_CASE, got, { wanted: expectedOfUs(OSR_FREE_FORM_CASE) }).exact).toBe(true);
    expect(got.map((g) => g.rule)).toEqual(['explicit-basic', 'auto-cloze']);
  });
});
