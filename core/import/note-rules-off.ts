import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { frontMatterEnd, frontMatterSettings } from '../../content/markdown/front-matter.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { DB } from '../../db/open.ts';
import { getSetting, setSetting } from '../../db/settings.ts';
import { NOTE_RULES_OFF_KEY } from '../import-stamp.ts';
import { isKnownRule, unknownRuleMessage } from './known-rules.ts';

type NoteRulesOff = Record<string, string[]>;

/** The per-note switches of notes that cannot carry their own front matter (bundled or read-only). */
export function noteRulesOffSetting(db: DB): NoteRulesOff {
  const raw = getSetting(db, NOTE_RULES_OFF_KEY);
  if (raw === undefined) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as NoteRulesOff) : {};
  } catch {
    return {};
  }
}

const writable = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Switches `rule` off in one note: in its front matter (`rules-off:`), which the learner sees and can undo in the
 * note itself, or, when the note is bundled or cannot be written, in a per-note setting. The next import of the
 * note reads it again (its bytes or the settings changed).
 */
export function switchRuleOffInNote(
  db: DB,
  source: string,
  rule: string,
): { where: 'front matter' | 'note setting' } {
  if (!isKnownRule(rule)) throw new KubedeckError('bad-rule', unknownRuleMessage(rule), 2);
  if (!source.startsWith('bundled:') && existsSync(source) && writable(source)) {
    writeFileSync(source, withRuleOff(readFileSync(source, 'utf8'), rule));
    return { where: 'front matter' };
  }
  const all = noteRulesOffSetting(db);
  all[source] = [...new Set([...(all[source] ?? []), rule])];
  setSetting(db, NOTE_RULES_OFF_KEY, JSON.stringify(all));
  return { where: 'note setting' };
}

/** The note's text with `rule` added to its front matter's `rules-off`; everything else stays byte for byte. */
export function withRuleOff(text: string, rule: string): string {
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const end = frontMatterEnd(lines);
  if (end < 0) return `---${nl}rules-off: [${rule}]${nl}---${nl}${text}`;
  if (lines[0]!.trim() === '+++') return withRuleOffInToml(lines, end, rule).join(nl);
  const at = lines.findIndex((l, i) => i > 0 && i < end && /^rules-off\s*:/.test(l));
  if (at < 0) lines.splice(end, 0, `rules-off: [${rule}]`);
  else {
    const m = /^rules-off\s*:\s*(.*?)\s*$/.exec(lines[at]!)!;
    const value = m[1]!;
    const flow = /^\[(.*)\]$/.exec(value);
    if (flow) {
      const names = flow[1]!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (!names.includes(rule)) lines[at] = `rules-off: [${[...names, rule].join(', ')}]`;
    } else if (value === '') {
      // A block list: `- name` lines follow.
      let last = at;
      while (last + 1 < end && /^\s*-\s/.test(lines[last + 1]!)) last++;
      const indent = last > at ? /^(\s*)-/.exec(lines[last]!)![1]! : '  ';
      const has = lines.slice(at + 1, last + 1).some((l) => l.replace(/^\s*-\s*/, '').trim() === rule);
      if (!has) lines.splice(last + 1, 0, `${indent}- ${rule}`);
    } else {
      const names = value.split(/[\s,]+/).filter(Boolean);
      if (!names.includes(rule)) lines[at] = `rules-off: [${[...names, rule].join(', ')}]`;
    }
  }
  return lines.join(nl);
}

/**
 * The same in a Hugo or Zola note's `+++` TOML block: `rules-off = ["list"]`, in TOML's own syntax, so the site
 * still builds from the note.
 */
function withRuleOffInToml(lines: string[], end: number, rule: string): string[] {
  const at = lines.findIndex((l, i) => i > 0 && i < end && /^\s*"?rules-off"?\s*=/.test(l));
  if (at < 0) {
    // Before the first [table] header: a key after one would belong to that table.
    const table = lines.findIndex((l, i) => i > 0 && i < end && /^\s*\[/.test(l));
    lines.splice(table > 0 ? table : end, 0, `rules-off = ["${rule}"]`);
    return lines;
  }
  const names = frontMatterSettings(lines, end)?.['rules-off'];
  if (Array.isArray(names) && names.includes(rule)) return lines;
  const oneLine = /^(\s*"?rules-off"?\s*=\s*\[)(.*)\](\s*(?:#.*)?)$/.exec(lines[at]!);
  if (oneLine) {
    const items = oneLine[2]!.trim().replace(/,$/, '');
    lines[at] = `${oneLine[1]}${items ? `${items}, ` : ''}"${rule}"]${oneLine[3]}`;
  } else lines.splice(at + 1, 0, `  "${rule}",`); // an array written over several lines
  return lines;
}
