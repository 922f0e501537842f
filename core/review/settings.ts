import { KubedeckError } from '../../db/errors.ts';
import type { Lang } from '../context.ts';
import { tr } from '../i18n/index.ts';
import {
  LOCAL_ZONE,
  parseSetting,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  settingDefaults,
  settingsSchema,
  systemTimeZone,
} from '../settings/schema.ts';

/** Every setting, validated by the one schema in core/settings/schema.ts. */
export type ReviewSettings = Settings;
export type { SettingKey };
export { SETTING_KEYS };

/** Stored in the settings table as JSON: scheduling under `review.<key>`, the UI's own under `ui.<key>`. */
const UI_KEYS = new Set<SettingKey>(['language', 'theme']);
export const storageKey = (k: SettingKey) => (UI_KEYS.has(k) ? `ui.${k}` : `review.${k}`);

const hint = (lang: Lang, k: SettingKey) => tr(lang, `hint.${k}`);

/** "desiredRetention" or "review.desiredRetention" → the key; anything else is a usage error. */
export function settingKey(name: string, lang: Lang = 'en'): SettingKey {
  const k = name.replace(/^(review|ui)\./, '');
  if (!(SETTING_KEYS as string[]).includes(k))
    throw new KubedeckError(
      'bad-setting',
      tr(lang, 'core.unknownSetting', { name, known: SETTING_KEYS.join(', ') }),
      2,
    );
  return k as SettingKey;
}

/** Settings as the learner sees them: an unset time zone is named (Asia/Seoul, UTC...). */
export const withZoneName = (s: ReviewSettings): ReviewSettings =>
  s.timeZone === LOCAL_ZONE ? { ...s, timeZone: systemTimeZone() } : s;

/** Reads stored JSON values; a corrupt one is a one-line error naming the key and how to fix it. */
export function readSettings(raw: (key: string) => string | undefined, lang: Lang = 'en'): ReviewSettings {
  const out: Record<string, unknown> = settingDefaults();
  for (const k of SETTING_KEYS) {
    const text = raw(storageKey(k));
    if (text === undefined) continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      v = Symbol('corrupt');
    }
    const r = settingsSchema.shape[k].safeParse(v);
    if (!r.success)
      throw new KubedeckError(
        'settings-corrupt',
        tr(lang, 'core.settingCorrupt', { key: k, value: JSON.stringify(text), hint: hint(lang, k) }),
      );
    out[k] = r.data;
  }
  return out as ReviewSettings;
}

/** Parses what a learner typed for one setting; returns the JSON to store. */
export function parseSettingValue(k: SettingKey, text: string, lang: Lang = 'en'): string {
  const v = parseSetting(k, text);
  if (v === null && !(k === 'weights' && text.trim() === 'default'))
    throw new KubedeckError(
      'bad-setting',
      tr(lang, 'core.badSetting', { key: k, value: JSON.stringify(text), hint: hint(lang, k) }),
      2,
    );
  return JSON.stringify(v);
}
