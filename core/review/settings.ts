import { default_w } from 'ts-fsrs';
import { KubedeckError } from '../../db/errors.ts';
import { isValidTimeZone, LOCAL_ZONE, systemTimeZone } from './day.ts';

/** Every scheduling setting, validated. Stored in the settings table as JSON under `review.<key>`. */
export type ReviewSettings = {
  desiredRetention: number;
  maximumInterval: number;
  learningSteps: string[];
  relearningSteps: string[];
  fuzz: boolean;
  newPerDay: number;
  reviewsPerDay: number;
  dayStartHour: number;
  timeZone: string;
  leechThreshold: number;
  /** FSRS-6 parameters (21); null means the ts-fsrs defaults. The optimizer writes this. */
  weights: number[] | null;
};
export type SettingKey = keyof ReviewSettings;

const STEP_RE = /^\d+[mhd]$/;
type Spec<T> = {
  parse: (text: string) => unknown;
  check: (v: unknown) => v is T;
  default: () => T;
  hint: string;
};

const int =
  (min: number, max: number) =>
  (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const steps = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && STEP_RE.test(s));
const parseSteps = (t: string) => (t.trim() ? t.trim().split(/[\s,]+/) : []);
const parseNumber = (t: string) => (t.trim() === '' ? Number.NaN : Number(t));

export const SETTINGS: { [K in SettingKey]: Spec<ReviewSettings[K]> } = {
  desiredRetention: {
    parse: parseNumber,
    check: (v): v is number => typeof v === 'number' && v >= 0.7 && v <= 0.99,
    default: () => 0.9,
    hint: 'a number from 0.70 to 0.99',
  },
  maximumInterval: { parse: parseNumber, check: int(1, 36500), default: () => 36500, hint: 'days, 1–36500' },
  learningSteps: {
    parse: parseSteps,
    check: steps,
    default: () => ['1m', '10m'],
    hint: 'steps such as "1m 10m"',
  },
  relearningSteps: { parse: parseSteps, check: steps, default: () => ['10m'], hint: 'steps such as "10m"' },
  fuzz: {
    parse: (t) => (t === 'true' || t === 'on' ? true : t === 'false' || t === 'off' ? false : t),
    check: (v): v is boolean => typeof v === 'boolean',
    default: () => true,
    hint: 'true or false',
  },
  newPerDay: { parse: parseNumber, check: int(0, 9999), default: () => 20, hint: 'a whole number, 0–9999' },
  reviewsPerDay: {
    parse: parseNumber,
    check: int(0, 99999),
    default: () => 200,
    hint: 'a whole number, 0–99999',
  },
  dayStartHour: { parse: parseNumber, check: int(0, 23), default: () => 4, hint: 'an hour, 0–23' },
  timeZone: {
    parse: (t) => t.trim(),
    check: (v): v is string => typeof v === 'string' && isValidTimeZone(v),
    // Unset: this machine's zone, resolved to its name only where shown (withZoneName).
    default: () => LOCAL_ZONE,
    hint: 'an IANA zone such as Asia/Seoul',
  },
  leechThreshold: { parse: parseNumber, check: int(1, 999), default: () => 8, hint: 'lapses, 1–999' },
  weights: {
    parse: (t) => (t.trim() === 'default' ? null : t.split(/[\s,]+/).map(Number)),
    check: (v): v is number[] | null =>
      v === null ||
      (Array.isArray(v) &&
        v.length === default_w.length &&
        v.every((x) => typeof x === 'number' && Number.isFinite(x))),
    default: () => null,
    hint: `${default_w.length} numbers, or "default"`,
  },
};

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const storageKey = (k: SettingKey) => `review.${k}`;

/** "desiredRetention" or "review.desiredRetention" → the key; anything else is a usage error. */
export function settingKey(name: string): SettingKey {
  const k = name.replace(/^review\./, '');
  if (!(SETTING_KEYS as string[]).includes(k))
    throw new KubedeckError(
      'bad-setting',
      `unknown setting "${name}" (known: ${SETTING_KEYS.join(', ')})`,
      2,
    );
  return k as SettingKey;
}

/** Settings as the learner sees them: an unset time zone is named (Asia/Seoul, UTC...). */
export const withZoneName = (s: ReviewSettings): ReviewSettings =>
  s.timeZone === LOCAL_ZONE ? { ...s, timeZone: systemTimeZone() } : s;

/** Reads stored JSON values; a corrupt one is a one-line error naming the key and how to fix it. */
export function readSettings(raw: (key: string) => string | undefined): ReviewSettings {
  const out: Record<string, unknown> = {};
  for (const k of SETTING_KEYS) {
    const spec = SETTINGS[k] as Spec<unknown>;
    const text = raw(storageKey(k));
    if (text === undefined) {
      out[k] = spec.default();
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      v = Symbol('corrupt');
    }
    if (!spec.check(v))
      throw new KubedeckError(
        'settings-corrupt',
        `setting ${k} holds a corrupt value ${JSON.stringify(text)} (expected ${spec.hint}); fix it with: kubedeck settings ${k} <value>`,
      );
    out[k] = v;
  }
  return out as ReviewSettings;
}

/** Parses what a learner typed for one setting; returns the JSON to store. */
export function parseSettingValue(k: SettingKey, text: string): string {
  const spec = SETTINGS[k] as Spec<unknown>;
  const v = spec.parse(text);
  if (!spec.check(v))
    throw new KubedeckError('bad-setting', `${k}: ${JSON.stringify(text)} is not ${spec.hint}`, 2);
  return JSON.stringify(v);
}
