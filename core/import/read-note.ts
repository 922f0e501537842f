import { createHash } from 'node:crypto';
import { type BigIntStats, closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { type NoteMessage, noteMessage } from '../../content/markdown/note-messages.ts';
import { notRegular } from './collect-files.ts';

/**
 * A note's stored state: `<settings fingerprint>|<sha1 of the bytes>|<file stamp>`. The stamp (size, mtime, inode)
 * lets an unchanged file skip even being read; the hash decides when the stamp moved but the bytes did not.
 * A stamp taken within RACY_MS of the file's last write is left empty (as git does): a second write in the same
 * clock tick could otherwise keep size and mtime and go unseen.
 */
export type NoteState = { fingerprint: string; hash: string; stamp: string };

const RACY_MS = 2000n;

export const encodeState = (s: NoteState) => `${s.fingerprint}|${s.hash}|${s.stamp}`;

export function decodeState(stored: string | undefined): NoteState | null {
  const parts = stored?.split('|');
  return parts?.length === 3 ? { fingerprint: parts[0]!, hash: parts[1]!, stamp: parts[2]! } : null;
}

/** Size, mtime and inode of a file, or '' when it was written too recently to be trusted (or is not a file). */
export function fileStamp(abs: string): string {
  let st: BigIntStats;
  try {
    st = statSync(abs, { bigint: true });
  } catch {
    return '';
  }
  if (!st.isFile()) return '';
  // Wall-clock time on purpose: mtimes are the file system's clock, not the study clock the app injects.
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  if (nowNs - st.mtimeNs < RACY_MS * 1_000_000n) return '';
  return `${st.size}:${st.mtimeNs}:${st.ino}`;
}

export type ReadNote = { bytes: Buffer; hash: string } | { error: NoteMessage };

/** The system's code for a failed open or read (ENOENT, EACCES, …), or its message when it has none. */
const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Reads a regular file. Opened non-blocking and checked on the open descriptor, so a path swapped for a FIFO or a
 * device after it was listed gives a message instead of a read that never returns.
 */
export function readNoteBytes(abs: string): ReadNote {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { error: noteMessage('note-cannot-open', { why: errorCode(e) }) };
  }
  try {
    const why = notRegular(fstatSync(fd));
    if (why) return { error: why };
    const bytes = readFileSync(fd);
    return { bytes, hash: createHash('sha1').update(bytes).digest('hex') };
  } catch (e) {
    return { error: noteMessage('note-cannot-read', { why: errorCode(e) }) };
  } finally {
    closeSync(fd);
  }
}

/** A note's bytes: an upload's own, or the file's. */
export function readNote(f: { abs: string; bytes?: Uint8Array }): ReadNote {
  if (!f.bytes) return readNoteBytes(f.abs);
  const bytes = Buffer.from(f.bytes);
  return { bytes, hash: createHash('sha1').update(bytes).digest('hex') };
}
