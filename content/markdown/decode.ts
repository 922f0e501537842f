export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

import { bare, type NoteMessage, noteMessage } from './note-messages.ts';
import { hasHangul } from './scan.ts';

export type Decoded = {
  text: string;
  problem?: { line: number; message: NoteMessage };
  refuse?: NoteMessage;
};

/**
 * Turns raw bytes into note text. Binary and oversized files are refused (nothing imported from them, nothing
 * of theirs suspended). A note that is not UTF-8 but reads whole as Korean EUC-KR/CP949 (what Windows editors long
 * saved Korean in) is read that way, and said so; any other invalid UTF-8 is decoded with U+FFFD and reported at
 * its line so the learner can fix it.
 */
export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_NOTE_BYTES) {
    return {
      text: '',
      refuse: noteMessage('note-too-large', { mb: (bytes.length / 1024 / 1024).toFixed(1) }),
    };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { text: '', refuse: bare('note-binary') };
  let text: string;
  let problem: Decoded['problem'];
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const korean = legacyKorean(bytes);
    if (korean !== null) {
      text = korean;
      problem = { line: 1, message: bare('legacy-korean-encoding') };
    } else {
      text = new TextDecoder('utf-8').decode(bytes);
      const bad = text.indexOf('\uFFFD');
      const line = bad < 0 ? 1 : text.slice(0, bad).split('\n').length;
      problem = { line, message: bare('utf8-invalid') };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // CRLF and lone CR are normalised so line numbers match what editors show.
  text = text.replace(/\r\n?/g, '\n');
  return problem ? { text, problem } : { text };
}

/** The text of a note saved as EUC-KR/CP949, when every byte reads as that and it holds Hangul; else null. */
function legacyKorean(bytes: Uint8Array): string | null {
  try {
    // WHATWG's "euc-kr" is Windows code page 949, which EUC-KR is a part of.
    const text = new TextDecoder('euc-kr', { fatal: true }).decode(bytes);
    return hasHangul(text) ? text : null;
  } catch {
    return null;
  }
}
