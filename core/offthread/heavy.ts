import { KubedeckError } from '../../db/errors.ts';
import type { Ctx } from '../context.ts';
import type { InteropImportResult } from '../interop/import-file.ts';
import { say } from '../safety/messages.ts';
import type { GradeTaskArgs, GradeTaskResult } from './grade-task.ts';
import { runOffThread } from './run.ts';

/**
 * The heavy calls, in place for a CLI run and in a worker thread (with a time and memory limit) for a long-lived
 * host, where one slow answer or file must not keep every other request waiting.
 */
/** An answer this short is graded in milliseconds: in place, without a worker's start-up. */
const IN_PLACE_ANSWER_BYTES = 16 * 1024;

export async function gradeAnswer(ctx: Ctx, args: GradeTaskArgs): Promise<GradeTaskResult> {
  if (!ctx.offThread || Buffer.byteLength(args.answer) < IN_PLACE_ANSWER_BYTES)
    return (await import('./grade-task.ts')).gradeTask(args);
  return runOffThread('grade', args, (why, limits) =>
    why === 'time'
      ? new KubedeckError('too-slow', say(ctx.lang, 'gradeTooSlow', { s: limits.timeoutMs / 1000 }))
      : new KubedeckError('too-large', say(ctx.lang, 'gradeTooLarge', { mb: limits.maxMemoryMb })),
  );
}

export async function importFile(ctx: Ctx, file: string, deck?: string): Promise<InteropImportResult> {
  if (!ctx.offThread || ctx.dbPath === ':memory:')
    return (await import('../interop/import-file.ts')).importInteropFile(ctx, file, { deck });
  return runOffThread(
    'interop-import',
    { dbPath: ctx.dbPath, file, deck, lang: ctx.lang, now: ctx.now().getTime() },
    (why, limits) =>
      why === 'time'
        ? new KubedeckError('too-slow', say(ctx.lang, 'importTooSlow', { file, s: limits.timeoutMs / 1000 }))
        : new KubedeckError('too-large', say(ctx.lang, 'importTooLarge', { file, mb: limits.maxMemoryMb })),
  );
}
