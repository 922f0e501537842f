import { type CheckWarning, checkWarnings } from '../../content/facts/check-warnings.ts';
import { loadManifestCheck } from '../../content/facts/manifest-check.ts';
import { decodeNote } from '../../content/markdown/decode.ts';
import { noteMessageText } from '../../core/i18n/note-messages.ts';
import { collectNoteFiles, type NoteFile } from '../../core/import/collect-files.ts';
import { readNoteBytes } from '../../core/import/read-note.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';
import { displayPath } from './import.ts';

/**
 * `kubedeck check-notes`: the import's Kubernetes check alone, no database. Exit 0 when no note says anything
 * Kubernetes contradicts, 1 when one does, 2 when a note cannot be read (as `validate`).
 */
export const checkNotesCommand: CommandImpl = {
  async run({ positionals, io, json, lang }) {
    if (positionals.length === 0)
      throw new KubedeckError('usage', 'check-notes: give one or more notes or folders', 2);
    const unreadable: { file: string; message: string }[] = [];
    const notes: NoteFile[] = [];
    // Each path on its own: a missing one is reported (exit 2) and the others are still checked.
    for (const p of positionals) {
      try {
        const collected = collectNoteFiles([p]);
        notes.push(...collected.files);
        for (const s of collected.skipped ?? [])
          unreadable.push({ file: displayPath(s.path), message: noteMessageText(lang, s.message) });
      } catch (e) {
        unreadable.push({ file: p, message: (e as Error).message.replace(`${p}: `, '') });
      }
    }
    const files: { file: string; warnings: CheckWarning[] }[] = [];
    if (notes.length > 0) await loadManifestCheck();
    for (const f of notes) {
      const file = displayPath(f.abs);
      const read = readNoteBytes(f.abs);
      const decoded = 'error' in read ? null : decodeNote(read.bytes);
      if ('error' in read || decoded?.refuse) {
        unreadable.push({
          file,
          message: noteMessageText(lang, 'error' in read ? read.error : decoded!.refuse!),
        });
        continue;
      }
      files.push({ file, warnings: checkWarnings(file, decoded!.text) });
    }
    const flagged = files.filter((f) => f.warnings.length > 0).length;
    if (json) {
      io.out(
        JSON.stringify({
          files: files.map((f) => ({
            file: f.file,
            warnings: f.warnings.map((w) => ({
              line: w.line,
              column: w.column,
              kind: w.kind,
              id: w.id,
              said: w.said,
              kubernetes: lang === 'ko' ? w.ko.kubernetes : w.kubernetes,
              source: w.source,
              message: lang === 'ko' ? w.ko.message : w.message,
            })),
          })),
          unreadable,
        }),
      );
    } else {
      for (const f of files)
        for (const w of f.warnings)
          io.out(`${f.file}:${w.line}:${w.column}: ${lang === 'ko' ? w.ko.message : w.message}`);
      for (const u of unreadable) io.err(`${u.file}: ${u.message}`);
      const total = files.reduce((n, f) => n + f.warnings.length, 0);
      io.err(
        lang === 'ko'
          ? `노트 ${files.length}개 검사: ${total === 0 ? 'Kubernetes와 어긋나는 내용 없음' : `${flagged}개 노트에 경고 ${total}개`}`
          : `${files.length} note(s) checked: ${total === 0 ? 'nothing contradicts Kubernetes' : `${total} warning(s) in ${flagged} note(s)`}`,
      );
    }
    if (unreadable.length > 0) return 2;
    return flagged === 0 ? 0 : 1;
  },
};
