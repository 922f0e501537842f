import type { InteropImportResult } from '../interop/import-file.ts';
import type { GradeTaskArgs, GradeTaskResult } from './grade-task.ts';
import type { ImportTaskArgs } from './import-task.ts';

/** The work that may run off the request thread; each loads its modules on first use. */
export type Tasks = {
  grade: (a: GradeTaskArgs) => GradeTaskResult;
  'interop-import': (a: ImportTaskArgs) => InteropImportResult;
  /** Loads the grader so a host's first grade does not pay for it. */
  warm: (a: null) => null;
};
export type TaskName = keyof Tasks;

export async function runTask<K extends TaskName>(
  task: K,
  args: Parameters<Tasks[K]>[0],
): Promise<ReturnType<Tasks[K]>> {
  if (task === 'grade')
    return (await import('./grade-task.ts')).gradeTask(args as GradeTaskArgs) as ReturnType<Tasks[K]>;
  if (task === 'interop-import')
    return (await import('./import-task.ts')).importTask(args as ImportTaskArgs) as ReturnType<Tasks[K]>;
  if (task === 'warm') {
    await import('./grade-task.ts');
    return null as ReturnType<Tasks[K]>;
  }
  throw new Error(`unknown off-thread task ${String(task)}`);
}
