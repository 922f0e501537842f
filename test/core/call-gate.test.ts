import { describe, expect, it } from 'vitest';
import { callGate } from '../../core/call-gate.ts';

const tick = () => new Promise((done) => setTimeout(done, 5));

describe('callGate: an exclusive call (a transaction held across awaits) runs alone', () => {
  it('waits for calls in flight, and later calls wait for it', async () => {
    const gate = callGate();
    const log: string[] = [];
    const slow = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    const a = gate(false, slow('a'));
    const x = gate(true, slow('x'));
    const b = gate(false, slow('b'));
    const y = gate(true, slow('y'));
    await Promise.all([a, x, b, y]);
    // `b` came before `y` but waits for every exclusive call queued while it waited; nothing overlaps x or y.
    expect(log).toEqual(['a start', 'a end', 'x start', 'x end', 'y start', 'y end', 'b start', 'b end']);
  });

  it('lets ordinary calls overlap, and a failed exclusive call does not block the ones after it', async () => {
    const gate = callGate();
    let inside = 0;
    let most = 0;
    const call = async () => {
      inside++;
      most = Math.max(most, inside);
      await tick();
      inside--;
    };
    await Promise.all([gate(false, call), gate(false, call), gate(false, call)]);
    expect(most).toBe(3);
    await expect(
      gate(true, async () => {
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expect(gate(false, async () => 'after')).resolves.toBe('after');
  });
});
