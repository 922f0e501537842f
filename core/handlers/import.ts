import { z } from 'zod';
import { bare } from '../../content/markdown/note-messages.ts';
import { DENSITIES } from '../../content/markdown/select/densities.ts';
import type { Ctx } from '../context.ts';
import { defineHandlers, type Progress } from '../handler.ts';
import { noteWarning } from '../i18n/note-messages.ts';
import { collectNoteFiles } from '../import/collect-files.ts';
import { finishDeferredChecks } from '../import/deferred-checks.ts';
import { explainLine } from '../import/explain.ts';
import { keepRates } from '../import/keep-rate.ts';
import { requireMarkdownPaths } from '../import/markdown-only.ts';
import { noteExcerpt } from '../import/note-excerpt.ts';
import { switchRuleOffInNote } from '../import/note-rules-off.ts';
import type { ImportOptions } from '../import/run-import.ts';
import { keepUpload, placeUpload } from '../import/uploads.ts';
import { importNotes, importNotesStreaming } from '../interop/notes-import.ts';
import { readRoots, requireInside } from '../safety/file-roots.ts';

const skip = z
  .object({
    rules: z.array(z.string()).max(100).optional(),
    cards: z.array(z.string()).max(200_000).optional(),
  })
  .optional();
const common = {
  deck: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
  /** With dryRun: return `preview`, the cards with their keys, for the Import screen. */
  preview: z.boolean().optional(),
  skip,
  /** Overrides the setting import.density for this import; a note's own `density:` still wins. */
  density: z.enum(DENSITIES).optional(),
  /** Suggestions ticked in the preview, by key: they become cards. */
  accept: z.array(z.string()).max(200_000).optional(),
};

const run = async (ctx: Ctx, opts: ImportOptions, progress?: Progress) =>
  finishDeferredChecks(
    ctx,
    progress ? await importNotesStreaming(ctx, opts, progress) : importNotes(ctx, opts),
    opts.dryRun ?? false,
  );

export const importHandlers = defineHandlers({
  'import/run': {
    args: z.object({ paths: z.array(z.string().min(1)).min(1), ...common }),
    exclusive: true,
    run: (ctx, a, progress) => {
      requireMarkdownPaths(a.paths);
      for (const p of a.paths) requireInside(ctx, p, readRoots);
      return run(
        ctx,
        {
          collected: collectNoteFiles(a.paths),
          deck: a.deck,
          dryRun: a.dryRun,
          preview: a.preview,
          skip: a.skip,
          density: a.density,
          accept: a.accept,
        },
        progress,
      );
    },
  },
  /** Switches a rule off in one note: its front matter, or a per-note setting when the note cannot be written. */
  'import/rule-off': {
    args: z.object({ file: z.string().min(1), rule: z.string().min(1) }),
    exclusive: true,
    run: (ctx, a) => ({ file: a.file, rule: a.rule, ...switchRuleOffInNote(ctx.db, a.file, a.rule) }),
  },
  /** The learner's own keep rate per rule: cards notes made, and how many the learner threw away. */
  'import/keep-rates': { args: z.object({}).default({}), run: (ctx) => keepRates(ctx.db) },
  /** Which rule made the cards of one line of a note, whether it is switched off, or why the line made none. */
  'import/explain': {
    args: z.object({
      file: z.string().min(1),
      line: z.number().int().min(1),
      deck: z.string().min(1).optional(),
      density: z.enum(DENSITIES).optional(),
    }),
    run: (ctx, a) => {
      requireInside(ctx, a.file, readRoots);
      return explainLine(ctx, a);
    },
  },
  /**
   * Notes picked in a browser (no file paths there): their text and relative paths. They are kept under the data
   * folder by folder name, so uploading the same folder again is a re-import.
   */
  'import/upload': {
    args: z.object({
      root: z.string().min(1).max(255).nullable(),
      files: z.array(z.object({ path: z.string().min(1).max(4096), text: z.string() })).min(1),
      ...common,
    }),
    exclusive: true,
    run: async (ctx, a, progress) => {
      const placed = placeUpload(ctx, { root: a.root, files: a.files });
      const result = await run(
        ctx,
        {
          collected: placed.collected,
          deck: a.deck,
          dryRun: a.dryRun,
          preview: a.preview,
          skip: a.skip,
          density: a.density,
          accept: a.accept,
          display: placed.show,
        },
        progress,
      );
      if (!a.dryRun) keepUpload(placed.collected);
      const shown = (c: { source: { file: string | null } }) =>
        c.source.file === null ? c.source.file : placed.show(c.source.file);
      return {
        ...result,
        preview: result.preview?.map((c) => ({ ...c, source: { ...c.source, file: shown(c) } })),
        warnings: [...result.warnings, ...placed.skipped.map((f) => noteWarning(f, 1, bare('not-markdown')))],
      };
    },
  },
  /** A few lines of a note around `line`, for a warning or a card's source. */
  'import/note-excerpt': {
    args: z.object({
      file: z.string().min(1),
      line: z.number().int().min(1),
      around: z.number().int().min(0).max(50).default(4),
    }),
    run: (ctx, a) => noteExcerpt(ctx, a.file, a.line, a.around),
  },
});
