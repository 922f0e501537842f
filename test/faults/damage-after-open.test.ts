/**
 * Issue #22 (2): damage that appears after the day's first open (and its quick_check) is never written into or
 * backed up. A write that meets it stops and points to `kubedeck check`; a backup that carries it is removed before
 * it can replace an older good one; `check` recommends only a backup that passes its own check.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubedeck } from '../support/cli.ts';
import { damageTable } from '../support/damage.ts';
import { tmpDir, writeFiles } from '../support/tmp.ts';

const T0 = '2026-03-10T09:00:00Z';
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();
const env = { TZ: 'UTC' };

describe("damage after the day's check (issue #22, 2)", () => {
  it('rate and import stop with a pointer to check; the exit backup is refused; check names the good backup', () => {
    const dir = tmpDir();
    const db = join(dir, 'k.sqlite');
    writeFiles(dir, {
      'notes/a.md':
        '# Net\n\n- **kube-proxy** runs on every node\n- **CoreDNS** answers DNS in the cluster\n\nkube-proxy runs on :: every node\n',
      'more/b.md': '# More\n\n- **Calico** is a CNI plugin\n',
    });
    const seed = kubedeck(['import', join(dir, 'notes'), '--db', db, '--now', T0], { env });
    expect(seed.code, seed.stderr).toBe(0);
    const backups = join(dir, 'backups');
    const good = readdirSync(backups);
    expect(good).toHaveLength(1); // the exit backup of the first session
    const card = (
      kubedeck(['cards', '--json', '--db', db, '--now', T0], { env }).json() as { cards: { id: string }[] }
    ).cards[0]!.id;

    damageTable(db, 'cards');

    const rate = kubedeck(['rate', card, 'good', '--db', db, '--now', at(1)], { env });
    expect(rate.code).not.toBe(0);
    expect(rate.stderr).toContain(`${db}: the database is damaged`);
    expect(rate.stderr).toContain('kubedeck check');
    const imp = kubedeck(['import', join(dir, 'more'), '--db', db, '--now', at(1)], { env });
    expect(imp.code).not.toBe(0);
    expect(imp.stderr).toContain('kubedeck check');
    const ko = kubedeck(['rate', card, 'good', '--db', db, '--now', at(1), '--lang', 'ko'], { env });
    expect(ko.stderr).toContain('손상');

    // A write that does not touch the damaged pages succeeds, and the exit backup it makes would copy the damage.
    const set = kubedeck(['settings', 'desiredRetention', '0.85', '--db', db, '--now', at(2)], { env });
    expect(set.code, set.stderr).toBe(0);
    const after = readdirSync(backups).filter((n) => n.endsWith('.sqlite'));
    expect(after, 'a damaged backup was kept').toEqual(good);
    const manual = kubedeck(['backup', '--db', db, '--now', at(3)], { env });
    expect(manual.code).not.toBe(0);
    expect(manual.stderr).toContain('integrity check');
    expect(readdirSync(backups).filter((n) => n.endsWith('.sqlite'))).toEqual(good);

    const check = kubedeck(['check', '--db', db, '--now', at(4)], { env });
    expect(check.code).not.toBe(0);
    expect(check.stderr).toContain(join(backups, good[0]!));
    const restore = kubedeck(['restore', join(backups, good[0]!), '--db', db, '--now', at(5)], { env });
    expect(restore.code, restore.stderr).toBe(0);
    expect(kubedeck(['rate', card, 'good', '--db', db, '--now', at(6)], { env }).code).toBe(0);
    expect(existsSync(db)).toBe(true);
  });
});
