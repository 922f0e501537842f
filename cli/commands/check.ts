import type { CommandImpl } from '../command.ts';

export const checkCommand: CommandImpl = {
  async run({ values, core, io, json, lang }) {
    const r = await core().call('db/check', { dryRun: values['dry-run'] === true });
    if (json) {
      io.out(JSON.stringify(r));
      return 0;
    }
    const ko = lang === 'ko';
    io.out(ko ? '무결성 검사: 이상 없음' : 'integrity check: ok');
    if (r.problems.length === 0) io.out(ko ? '문제를 찾지 못했습니다.' : 'no problems found.');
    for (const p of r.problems)
      io.out(`${p.fixed ? (ko ? '고침' : 'fixed') : ko ? '발견' : 'found'}: ${p.count} ${p.action}`);
    if (r.backup) io.out(ko ? `고치기 전 백업: ${r.backup}` : `backup before the repairs: ${r.backup}`);
    return 0;
  },
};
