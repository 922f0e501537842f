import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// Only the grader and its error type: validating needs no database and no scheduler, so it starts fast.
import { type ManifestValidation, validateManifests } from '../../content/grader/index.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { CommandImpl } from '../command.ts';

const MANIFEST = /\.(ya?ml|json)$/i;

/** Files named on the command line, and the manifests inside folders named there (recursively, sorted). */
function expand(arg: string, out: string[], unreadable: { file: string; message: string }[]): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(arg);
  } catch (e) {
    unreadable.push({
      file: arg,
      message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    });
    return;
  }
  if (st.isDirectory()) {
    let names: string[];
    try {
      names = readdirSync(arg).sort();
    } catch (e) {
      unreadable.push({ file: arg, message: `cannot read: ${(e as NodeJS.ErrnoException).code}` });
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const p = join(arg, n);
      let s: ReturnType<typeof statSync>;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) expand(p, out, unreadable);
      else if (s.isFile() && MANIFEST.test(n)) out.push(p);
    }
  } else if (st.isFile()) out.push(arg);
  else unreadable.push({ file: arg, message: 'cannot read: not a regular file' });
}

type FileResult = { file: string } & ManifestValidation;

export const validateCommand: CommandImpl = {
  async run({ positionals, io, json, lang }) {
    if (positionals.length === 0)
      throw new KubedeckError('usage', 'validate: give one or more files, folders, or - for stdin', 2);
    const files: string[] = [];
    const unreadable: { file: string; message: string }[] = [];
    for (const arg of positionals) {
      if (arg === '-') files.push('-');
      else expand(arg, files, unreadable);
    }
    const results: FileResult[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
      } catch (e) {
        unreadable.push({
          file,
          message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        });
        continue;
      }
      results.push({ file: file === '-' ? '<stdin>' : file, ...validateManifests(text, lang) });
    }
    if (json) {
      io.out(
        JSON.stringify({
          files: [
            ...results.map((r) => ({
              file: r.file,
              valid: r.valid,
              issues: r.issues.map(({ line, column, path, code, message }) => ({
                line,
                column,
                path,
                code,
                message,
              })),
            })),
            ...unreadable.map((u) => ({
              file: u.file,
              valid: false,
              issues: [{ line: null, column: null, path: null, code: 'unreadable', message: u.message }],
            })),
          ],
        }),
      );
    } else {
      for (const r of results)
        for (const i of r.issues)
          io.out(
            i.line === null ? `${r.file}: ${i.message}` : `${r.file}:${i.line}:${i.column}: ${i.message}`,
          );
      for (const u of unreadable) io.err(`${u.file}: ${u.message}`);
      const bad = results.filter((r) => !r.valid).length;
      const docs = results.reduce((n, r) => n + r.documents, 0);
      const summary =
        lang === 'ko'
          ? `파일 ${results.length}개, 문서 ${docs}개 검사: ${bad === 0 ? '모두 올바름' : `${bad}개 파일에 문제`}`
          : `${results.length} file(s), ${docs} document(s): ${bad === 0 ? 'all valid' : `${bad} file(s) invalid`}`;
      io.err(summary);
    }
    if (unreadable.length > 0) return 2;
    return results.every((r) => r.valid) ? 0 : 1;
  },
};
