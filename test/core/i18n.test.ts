import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../core/i18n/en.json' with { type: 'json' };
import { tr } from '../../core/i18n/index.ts';
import ko from '../../core/i18n/ko.json' with { type: 'json' };
import { startServer } from '../../core/server/http.ts';
import { sessionCookie } from '../e2e/harness.ts';
import { freshCore } from '../review/helpers.ts';
import { kubedeck } from '../support/cli.ts';
import { tmpDir } from '../support/tmp.ts';

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('one set of ko/en tables', () => {
  it('has every key in both languages, none empty, with the same {{placeholders}}', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const kv = (ko as Record<string, string>)[k]!;
      expect(v.trim(), k).not.toBe('');
      expect(kv.trim(), k).not.toBe('');
      expect(vars(kv), k).toEqual(vars(v));
    }
    expect(tr('ko', 'core.leech', { n: 8 })).toContain('8번');
    expect(tr('en', 'unit.mo', { n: '1.5' })).toBe('1.5mo');
  });

  it('counts in the plural form of each language: "1 card", "2 cards", and Korean\'s one form', () => {
    expect(tr('en', 'browseTotal', { count: 1 })).toBe('{n} card');
    expect(tr('en', 'browseTotal', { count: 2 })).toBe('{n} cards');
    expect(tr('en', 'importCardsN', { count: 1 })).toBe('{n} card');
    expect(tr('ko', 'browseTotal', { count: 1 })).toBe('카드 {n}장');
    expect(tr('ko', 'browseTotal', { count: 2 })).toBe('카드 {n}장');
  });
});

describe('the language travels with each call', () => {
  it('one core answers ko and en calls alternately, with no language left behind', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z');
    try {
      const ko1 = await k.core.call('review/next', {}, { lang: 'ko' });
      const en1 = await k.core.call('review/next', {}, { lang: 'en' });
      const plain = await k.core.call('review/next', {});
      expect(ko1.previews!.good.label).toMatch(/^\d+(분|시간|일)$/);
      expect(en1.previews!.good.label).toMatch(/^\d+(m|h|d)$/);
      // The core's own default (en for this core) is untouched by the ko call before it.
      expect(plain.previews!.good.label).toBe(en1.previews!.good.label);
      await expect(k.core.call('review/next', { deck: '없는 덱' }, { lang: 'ko' })).rejects.toThrow(
        '"없는 덱" 덱이 없습니다',
      );
      await expect(k.core.call('review/undo', {}, { lang: 'ko' })).rejects.toThrow('되돌릴 평가가 없습니다');
      await expect(k.core.call('review/undo', {})).rejects.toThrow('nothing to undo');
    } finally {
      k.done();
    }
  });

  it('over HTTP, concurrent requests with different x-kubedeck-lang headers each get their own language', async () => {
    const k = await freshCore('2026-04-01T10:00:00Z');
    const server = await startServer({ core: k.core, staticDir: null, port: 0 });
    try {
      const cookie = await sessionCookie(server.url);
      const ask = async (lang: string) => {
        const res = await fetch(`${server.base}api/review/next`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kubedeck-lang': lang, cookie },
          body: '{}',
        });
        return ((await res.json()) as { value: { previews: { again: { label: string } } } }).value.previews
          .again.label;
      };
      const labels = await Promise.all(['ko', 'en', 'ko', 'en', 'ko', 'en'].map(ask));
      labels.forEach((l, i) => {
        expect(l).toMatch(i % 2 === 0 ? /분$/ : /m$/);
      });
    } finally {
      await server.close();
      k.done();
    }
  });
});

describe('one settings schema', () => {
  it('kubedeck settings sets language and theme, and refuses bad values with the hint in the chosen language', () => {
    const db = join(tmpDir(), 'k.sqlite');
    expect(kubedeck(['settings', 'theme', 'dark', '--db', db]).code).toBe(0);
    expect(kubedeck(['settings', 'language', 'ko', '--db', db]).code).toBe(0);
    const list = kubedeck(['settings', '--db', db]);
    expect(list.stdout).toContain('theme = dark');
    expect(list.stdout).toContain('language = ko');
    expect(list.stdout).toContain('learningSteps = 1m 10m');
    const bad = kubedeck(['settings', 'theme', 'purple', '--db', db, '--lang', 'ko']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('system, light, dark 중 하나');
    const steps = kubedeck(['settings', 'learningSteps', '1m 5x', '--db', db]);
    expect(steps.code).toBe(2);
    expect(steps.stderr).toContain('steps such as "1m 10m"');
  }, 120_000);
});
