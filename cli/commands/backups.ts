import { listBackups, restoreBackup } from '../../core/backups.ts';
import { KubedeckError } from '../../db/errors.ts';
import { defaultDbPath } from '../../db/open.ts';
import { parseNow } from '../args.ts';
import type { CommandImpl } from '../command.ts';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
const dbPathOf = (v: unknown) => (typeof v === 'string' ? v : defaultDbPath());

export const backupCommand: CommandImpl = {
  async run({ core, io, json, lang }) {
    const b = await core().call('backups/create', {});
    if (!json && lang === 'ko') {
      io.out(`백업함: ${b.path} (${mb(b.size)}, 카드 ${b.cards}장, 복습 ${b.reviews}회)`);
      return 0;
    }
    io.out(
      json
        ? JSON.stringify({ backup: b })
        : `backed up to ${b.path} (${mb(b.size)}, ${b.cards} cards, ${b.reviews} reviews)`,
    );
    return 0;
  },
};

export const backupsCommand: CommandImpl = {
  // Listing must work when the database itself is damaged, so it reads the folder without opening it.
  async run({ values, io, json, lang }) {
    const list = listBackups(dbPathOf(values.db));
    if (json) io.out(JSON.stringify({ backups: list }));
    else if (list.length === 0)
      io.out(
        lang === 'ko'
          ? '아직 백업이 없습니다 (kubedeck backup 으로 만듭니다)'
          : 'no backups yet (kubedeck backup takes one)',
      );
    else
      for (const b of list)
        io.out(
          `${b.takenAt}  ${mb(b.size).padStart(9)}  ${String(b.cards ?? '?').padStart(6)} cards  ${String(b.reviews ?? '?').padStart(7)} reviews  ${b.reason.padEnd(15)} ${b.path}`,
        );
    return 0;
  },
};

export const restoreCommand: CommandImpl = {
  // Restoring is how a damaged database is fixed, so this never opens the database through the core.
  async run({ positionals, values, io, json, lang }) {
    if (positionals.length !== 1)
      throw new KubedeckError('usage', 'restore: name one backup file (see kubedeck backups)', 2);
    const now = parseNow(values.now)?.() ?? new Date();
    const r = await restoreBackup(dbPathOf(values.db), positionals[0]!, now);
    const kept = r.savedCurrent
      ? lang === 'ko'
        ? `\n복원 전 상태는 ${r.savedCurrent} 에 남겨 두었습니다`
        : `\nthe state before the restore is kept in ${r.savedCurrent}`
      : '';
    io.out(json ? JSON.stringify(r) : `${lang === 'ko' ? '복원함' : 'restored'} ${r.restored}${kept}`);
    return 0;
  },
};
