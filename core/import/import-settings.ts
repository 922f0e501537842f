import { DENSITIES, isDensity } from '../../content/markdown/select/densities.ts';
import type { Density } from '../../content/markdown/types.ts';
import { KubedeckError } from '../../db/errors.ts';
import type { DB } from '../../db/open.ts';
import { getSetting, setSetting } from '../../db/settings.ts';
import { IMPORT_SETTING_KEYS, type ImportSettingKey } from '../import-stamp.ts';
import { isKnownRule, KNOWN_RULES, unknownRuleMessage } from './known-rules.ts';

/** Collection-wide import settings, stored as JSON under their own key in the settings table. */
export type ImportSettings = {
  'import.rulesOff': string[];
  'import.boldCloze': boolean;
  'import.curlyCloze': boolean;
  /** How many free-form candidates become cards; a note's `density:` front matter wins. */
  'import.density': Density;
};

const DEFAULTS: ImportSettings = {
  'import.rulesOff': [],
  'import.boldCloze': false,
  'import.curlyCloze': false,
  'import.density': 'standard',
};
export const isImportSettingKey = (k: string): k is ImportSettingKey =>
  (IMPORT_SETTING_KEYS as readonly string[]).includes(k);

const bool = (k: string, t: string): boolean => {
  const v = t.trim().toLowerCase();
  if (v === 'true' || v === 'on' || v === 'yes') return true;
  if (v === 'false' || v === 'off' || v === 'no') return false;
  throw new KubedeckError('bad-setting', `${k}: ${JSON.stringify(t)} is not true or false`, 2);
};

/** Parses what the learner typed ("auto-cloze term-definition", "none", "true") into the JSON to store. */
export function parseImportSetting(k: ImportSettingKey, text: string): string {
  if (k === 'import.rulesOff') {
    const t = text.trim();
    const names = t === '' || t === 'none' ? [] : t.split(/[\s,]+/);
    for (const n of names)
      if (!isKnownRule(n)) throw new KubedeckError('bad-setting', `${k}: ${unknownRuleMessage(n)}`, 2);
    return JSON.stringify([...new Set(names)]);
  }
  if (k === 'import.density') {
    const v = text.trim().toLowerCase();
    if (!isDensity(v))
      throw new KubedeckError(
        'bad-setting',
        `${k}: ${JSON.stringify(text)} is not one of ${DENSITIES.join(', ')}`,
        2,
      );
    return JSON.stringify(v);
  }
  return JSON.stringify(bool(k, text));
}

export function setImportSetting(db: DB, k: ImportSettingKey, text: string): void {
  setSetting(db, k, parseImportSetting(k, text));
}

/**
 * Reads the import settings. A corrupt value is an error naming the key; a rule name the parser no longer has
 * (renamed in an upgrade) is dropped and reported in `unknown`, so an import still runs.
 */
export function readImportSettings(db: DB): ImportSettings & { unknown: string[] } {
  const out = { ...DEFAULTS, 'import.rulesOff': [] as string[], unknown: [] as string[] };
  for (const k of IMPORT_SETTING_KEYS) {
    const raw = getSetting(db, k);
    if (raw === undefined) continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      v = undefined;
    }
    const hint =
      k === 'import.rulesOff'
        ? `rule names such as "${KNOWN_RULES[7]}"`
        : k === 'import.density'
          ? DENSITIES.join(', ')
          : 'true or false';
    const ok =
      k === 'import.rulesOff'
        ? Array.isArray(v) && v.every((x) => typeof x === 'string')
        : k === 'import.density'
          ? isDensity(v)
          : typeof v === 'boolean';
    if (!ok)
      throw new KubedeckError(
        'settings-corrupt',
        `setting ${k} holds a corrupt value ${JSON.stringify(raw)} (expected ${hint}); fix it with: kubedeck settings ${k} <value>`,
      );
    if (k === 'import.rulesOff') {
      for (const n of v as string[]) (isKnownRule(n) ? out['import.rulesOff'] : out.unknown).push(n);
    } else if (k === 'import.density') out[k] = v as Density;
    else out[k] = v as boolean;
  }
  return out;
}
