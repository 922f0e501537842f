import { z } from 'zod';
import { setSetting } from '../../db/settings.ts';
import { defineHandlers } from '../handler.ts';
import { isImportSettingKey, readImportSettings, setImportSetting } from '../import/import-settings.ts';
import { loadSettings } from '../review/session.ts';
import { parseSettingValue, settingKey, storageKey, withZoneName } from '../review/settings.ts';

export const settingsHandlers = defineHandlers({
  /** Every scheduling setting with its value (defaults filled in); a corrupt stored value is an error naming it. */
  'settings/get': {
    args: z.object({}).default({}),
    run: (ctx) => withImport(ctx, withZoneName(loadSettings(ctx))),
  },
  /** Sets one setting from what the learner typed ("1m 10m", "0.85", "Asia/Seoul", "default" for weights). */
  'settings/set': {
    args: z.object({
      key: z.string().min(1),
      value: z.union([
        z.string(),
        z.number(),
        z.boolean(),
        z.null(),
        z.array(z.union([z.string(), z.number()])),
      ]),
    }),
    run: (ctx, a) => {
      if (isImportSettingKey(a.key)) {
        setImportSetting(ctx.db, a.key, String(a.value));
        return withImport(ctx, withZoneName(loadSettings(ctx)));
      }
      const key = settingKey(a.key, ctx.lang);
      const text = Array.isArray(a.value)
        ? a.value.join(' ')
        : a.value === null
          ? 'default'
          : String(a.value);
      setSetting(ctx.db, storageKey(key), parseSettingValue(key, text, ctx.lang));
      return withImport(ctx, withZoneName(loadSettings(ctx)));
    },
  },
});

/** The import settings (`import.rulesOff`, `import.boldCloze`, `import.curlyCloze`) are listed with the rest. */
function withImport<T extends object>(ctx: Parameters<typeof loadSettings>[0], review: T) {
  const { unknown: _, ...imports } = readImportSettings(ctx.db);
  return { ...review, ...imports };
}
