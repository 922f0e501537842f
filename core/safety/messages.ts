import type { Lang } from '../context.ts';

/**
 * The learner-facing lines of the fault guards (#22), in both languages. Each names the file and says what to do;
 * none repeats a file's content.
 */
const LINES = {
  exportOverDatabase: {
    en: '{file}: is a Kubedeck database (or its -wal/-shm file); an export never writes over a database. Choose another --out file',
    ko: '{file}: Kubedeck 데이터베이스(또는 그 -wal/-shm 파일)입니다. 내보내기는 데이터베이스를 덮어쓰지 않습니다. 다른 --out 파일을 고르세요',
  },
  exportIsFolder: {
    en: '{file}: is a folder; give a file name for the export (for example {file}/kubedeck.{ext})',
    ko: '{file}: 폴더입니다. 내보낼 파일 이름을 주세요 (예: {file}/kubedeck.{ext})',
  },
  exportNoFolder: {
    en: '{file}: the folder {dir} does not exist; create it first or choose another --out',
    ko: '{file}: 폴더 {dir}이(가) 없습니다. 먼저 만들거나 다른 --out을 고르세요',
  },
  cannotWrite: {
    en: '{file}: cannot be written ({why}); check that the folder exists and that you may write there',
    ko: '{file}: 쓸 수 없습니다 ({why}). 폴더가 있는지, 쓰기 권한이 있는지 확인하세요',
  },
  dbDamagedWrite: {
    en: '{file}: the database is damaged (SQLite: {why}); nothing was written. Run: kubedeck check',
    ko: '{file}: 데이터베이스가 손상되었습니다 (SQLite: {why}). 아무것도 쓰지 않았습니다. 실행하세요: kubedeck check',
  },
  backupDamaged: {
    en: '{file}: the backup just taken failed its integrity check (the database itself is damaged) and was removed; older backups were kept. Run: kubedeck check',
    ko: '{file}: 방금 만든 백업이 무결성 검사에 실패해 (데이터베이스 자체가 손상됨) 지웠습니다. 이전 백업은 그대로 둡니다. 실행하세요: kubedeck check',
  },
  backupFolderReadOnly: {
    en: '{dir}: cannot create or write the backups folder ({why}); make it writable, or move the database to a writable folder',
    ko: '{dir}: 백업 폴더를 만들거나 쓸 수 없습니다 ({why}). 쓰기 가능하게 하거나 데이터베이스를 쓰기 가능한 폴더로 옮기세요',
  },
  leftoversRemoved: {
    en: '{dir}: removed {n} unfinished backup file(s) left by an interrupted backup ({names})',
    ko: '{dir}: 중단된 백업이 남긴 미완성 파일 {n}개를 지웠습니다 ({names})',
  },
  gradeTooSlow: {
    en: 'grading this answer took longer than {s} s and was stopped; nothing was recorded. Shorten the answer to the manifests the task asks for',
    ko: '이 답안의 채점이 {s}초를 넘어 중단했습니다. 아무것도 기록하지 않았습니다. 과제가 묻는 매니페스트만 남겨 답안을 줄이세요',
  },
  gradeTooLarge: {
    en: 'grading this answer needed more than {mb} MB of memory and was stopped; nothing was recorded. Shorten the answer',
    ko: '이 답안의 채점에 메모리가 {mb} MB 넘게 필요해 중단했습니다. 아무것도 기록하지 않았습니다. 답안을 줄이세요',
  },
  importTooSlow: {
    en: '{file}: the import took longer than {s} s and was stopped; nothing of this file was imported (is it damaged, or far too large?)',
    ko: '{file}: 가져오기가 {s}초를 넘어 중단했습니다. 이 파일에서는 아무것도 가져오지 않았습니다 (손상되었거나 너무 큰 파일인가요?)',
  },
  importTooLarge: {
    en: '{file}: the import needed more than {mb} MB of memory and was stopped; nothing of this file was imported',
    ko: '{file}: 가져오기에 메모리가 {mb} MB 넘게 필요해 중단했습니다. 이 파일에서는 아무것도 가져오지 않았습니다',
  },
  watchBusy: {
    en: '{files}: another Kubedeck window or command is writing the database; this save will be imported again in a moment',
    ko: '{files}: 다른 Kubedeck 창이나 명령이 데이터베이스에 쓰는 중입니다. 이 저장은 잠시 후 다시 가져옵니다',
  },
  watchTooMany: {
    en: '{folder}: has {n} notes; a watched folder is synced at most {max} notes at first. Import it once with: kubedeck import "{folder}" (or watch a smaller sub-folder)',
    ko: '{folder}: 노트가 {n}개 있습니다. 감시 폴더의 첫 동기화는 {max}개까지만 합니다. 한 번 가져오세요: kubedeck import "{folder}" (또는 더 작은 하위 폴더를 감시하세요)',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type LineKey = keyof typeof LINES;

export function say(lang: Lang, key: LineKey, vars: Record<string, string | number> = {}): string {
  return LINES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
