import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, cliBuildIsFresh } from '../../scripts/build-cli.mjs';
import { kubedeck } from '../support/cli.ts';

describe('the built CLI (dist-cli/)', () => {
  it('is current after the test setup built it, so bin/kubedeck.mjs runs it without rebuilding', () => {
    expect(cliBuildIsFresh()).toBe(true);
    const r = kubedeck(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // no "rebuilt" notice: the build was not stale
    expect(r.stdout).toContain('grade <id> <answer.yaml|->');
  });

  it('is plain JavaScript: nothing is transpiled at run time and tsx is not loaded', () => {
    const bin = readFileSync(join(import.meta.dirname, '..', '..', 'bin', 'kubedeck.mjs'), 'utf8');
    expect(bin).not.toMatch(/tsx/);
    expect(readFileSync(CLI_ENTRY, 'utf8')).not.toMatch(/from ["']tsx/);
  });

  it('grades without a word on stderr (no deprecation warnings from bundled packages)', () => {
    for (const id of ['service-nodeport', 'httproute-prefix', 'grpcroute-method-match']) {
      const r = kubedeck(['grade', id, `content/exercises/${id}/solution.yaml`], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { KUBEDECK_DB: '' },
      });
      expect(r.stdout).toMatch(/PASS/);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});
