import { describe, expect, it } from 'vitest';
import { handlers } from '../../core/handlers/index.ts';
import { domainOf, loadDomain, loadHandler } from '../../core/handlers/lazy.ts';

describe('handler domains load on first call', () => {
  it('every handler of the one table is reached through its own domain, the same definition', async () => {
    for (const [name, def] of Object.entries(handlers)) {
      const domain = domainOf(name);
      expect(domain, `${name} has no domain route in core/handlers/lazy.ts`).not.toBeNull();
      expect((await loadDomain(domain!))[name]).toBe(def);
      expect(await loadHandler(name)).toBe(def);
    }
  });

  it('an unknown name is not found', async () => {
    expect(await loadHandler('decks/nope')).toBeUndefined();
    expect(await loadHandler('nope/list')).toBeUndefined();
  });
});
