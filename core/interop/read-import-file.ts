import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { KubedeckError } from '../../db/errors.ts';
import { noteMessageText } from '../i18n/note-messages.ts';
import { notRegular } from '../import/collect-files.ts';

export type ImportKind = 'csv' | 'json' | 'apkg';

/**
 * How large a file of each kind may be. A CSV table of a deck is a few MB; a JSON backup carries the review log;
 * an Anki package carries media. KUBEDECK_MAX_IMPORT_BYTES lowers (or raises) all three, e.g. for tests.
 */
export const MAX_IMPORT_BYTES: Record<ImportKind, number> = {
  csv: 20 * 1024 * 1024,
  json: 256 * 1024 * 1024,
  apkg: 1024 * 1024 * 1024,
};

export function importLimit(kind: ImportKind, env: NodeJS.ProcessEnv = process.env): number {
  const forced = Number(env.KUBEDECK_MAX_IMPORT_BYTES);
  return Number.isFinite(forced) && forced > 0 ? forced : MAX_IMPORT_BYTES[kind];
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads a CSV, JSON or package file with the rules notes follow: opened non-blocking and checked on the open
 * descriptor (a FIFO, a socket or a link to /dev/zero is refused at once instead of hanging or filling memory), and
 * refused by its size before a byte is read. Reads no more than the limit even if the file grows meanwhile.
 */
export function readImportFile(file: string, kind: ImportKind): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new KubedeckError(
      'no-such-file',
      `${file}: cannot open (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  try {
    const st = fstatSync(fd);
    const why = notRegular(st);
    if (why)
      throw new KubedeckError(
        'not-a-file',
        `${file}: ${noteMessageText('en', why).replace(/; skipped$/, '')}; nothing was imported`,
      );
    const max = importLimit(kind);
    if (st.size > max)
      throw new KubedeckError(
        'too-large',
        `${file}: is ${mb(st.size)}; ${kind.toUpperCase()} files over ${mb(max)} are not imported`,
      );
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
