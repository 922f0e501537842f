import { describe, expect, it } from 'vitest';
import { isIptablesName, isTermToken } from '../../content/markdown/select/vocab.ts';

// iptables names are terms only as iptables and the notes about it write them (content/knowledge/k8s-terms.json).
describe('iptables names in the vocabulary', () => {
  it('takes chains and targets in capitals, and tables in lower case or capitalised', () => {
    for (const name of [
      'PREROUTING',
      'INPUT',
      'RETURN',
      'MASQUERADE',
      'DNAT',
      'filter',
      'Filter',
      'mangle',
      'Raw',
    ])
      expect(isIptablesName(name), name).toBe(true);
  });

  it('leaves the same words alone when a sentence uses them as words', () => {
    for (const word of ['return', 'Return', 'input', 'Input', 'output', 'drop', 'Security'])
      expect(isIptablesName(word), word).toBe(false);
    expect(isTermToken('return')).toBe(false);
  });
});
