import { z } from 'zod';

/**
 * The one settings schema: the core validates stored and typed values with it, `kubedeck settings` prints and sets
 * through it, and the Settings screen builds its form from it (so it imports nothing but zod).
 */
export const FSRS_PARAM_COUNT = 21;
const STEP_RE = /^\d+[mhd]$/;
const steps = z.array(z.string().regex(STEP_RE));
const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** The unset time zone: the machine's own. Shown by name (withZoneName); stored as nothing. */
export const LOCAL_ZONE = '';

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
};

export const settingsSchema = z.object({
  newPerDay: int(0, 9999),
  reviewsPerDay: int(0, 99999),
  desiredRetention: z.number().min(0.7).max(0.99),
  learningSteps: steps,
  relearningSteps: steps,
  maximumInterval: int(1, 36500),
  dayStartHour: int(0, 23),
  /** An IANA zone; '' (unset) is this machine's zone, which the day arithmetic reads without Intl (fast start). */
  timeZone: z.string().refine((tz) => tz === LOCAL_ZONE || isTimeZone(tz)),
  leechThreshold: int(1, 999),
  fuzz: z.boolean(),
  /** FSRS-6 parameters; null means the ts-fsrs defaults. The optimizer writes this. */
  weights: z.array(z.number().finite()).length(FSRS_PARAM_COUNT).nullable(),
  /** The UI language; "system" follows the OS or browser locale. */
  language: z.enum(['system', 'ko', 'en']),
  theme: z.enum(['system', 'light', 'dark']),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const settingDefaults = (): Settings => ({
  newPerDay: 20,
  reviewsPerDay: 200,
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  dayStartHour: 4,
  timeZone: LOCAL_ZONE,
  leechThreshold: 8,
  fuzz: true,
  weights: null,
  language: 'system',
  theme: 'system',
});

/** How a value is typed: the CLI and the form both read text and turn it into a value with `fromText`. */
export type SettingKind = 'int' | 'number' | 'steps' | 'zone' | 'bool' | 'choice' | 'weights';
export const SETTING_KIND: Record<SettingKey, SettingKind> = {
  newPerDay: 'int',
  reviewsPerDay: 'int',
  desiredRetention: 'number',
  learningSteps: 'steps',
  relearningSteps: 'steps',
  maximumInterval: 'int',
  dayStartHour: 'int',
  timeZone: 'zone',
  leechThreshold: 'int',
  fuzz: 'bool',
  weights: 'weights',
  language: 'choice',
  theme: 'choice',
};

/** The choices of a 'choice' setting, read from the schema. */
export const choicesOf = (key: 'language' | 'theme'): readonly string[] => settingsSchema.shape[key].options;

/** Bounds of a numeric setting, read from the schema (for input min/max). */
export function boundsOf(key: SettingKey): { min: number | null; max: number | null } {
  const s = settingsSchema.shape[key];
  if (s instanceof z.ZodNumber) return { min: s.minValue, max: s.maxValue };
  return { min: null, max: null };
}

/** What a learner typed ("1m 10m", "0.85", "Asia/Seoul", "default") → the value to check with the schema. */
export function fromText(key: SettingKey, text: string): unknown {
  const t = text.trim();
  switch (SETTING_KIND[key]) {
    case 'int':
    case 'number':
      return t === '' ? Number.NaN : Number(t);
    case 'steps':
      return t ? t.split(/[\s,]+/) : [];
    case 'bool':
      return t === 'true' || t === 'on' ? true : t === 'false' || t === 'off' ? false : t;
    case 'weights':
      return t === 'default' ? null : t.split(/[\s,]+/).map(Number);
    default:
      return t;
  }
}

/** A value as the learner would type it back (the CLI's listing, the form's inputs). */
export const toText = (v: unknown): string =>
  v === null ? 'default' : Array.isArray(v) ? v.join(' ') : String(v);

/** Parses and checks one typed value; null when it does not fit the schema. */
export function parseSetting<K extends SettingKey>(key: K, text: string): Settings[K] | null {
  const r = settingsSchema.shape[key].safeParse(fromText(key, text));
  return r.success ? (r.data as Settings[K]) : null;
}
