import { parentPort } from 'node:worker_threads';
import { runTask, type TaskName } from './tasks.ts';

type Message = { id: number; task: TaskName; args: unknown };
type Port = { on: (listener: (m: Message) => void) => void; post: (m: unknown) => void };

/** A worker thread talks through parentPort; a child process (imports) through its IPC channel. */
const port: Port | null = parentPort
  ? { on: (l) => parentPort?.on('message', l), post: (m) => parentPort?.postMessage(m) }
  : process.send
    ? { on: (l) => process.on('message', l as (m: unknown) => void), post: (m) => process.send?.(m) }
    : null;

/** One task at a time: {id, task, args} in, {id, ok, value | error} out. */
port?.on(async (m) => {
  try {
    const value = await runTask(m.task, m.args as never);
    port.post({ id: m.id, ok: true, value });
  } catch (e) {
    const err = e as { name?: string; code?: unknown; message?: string; exitCode?: unknown };
    port.post({
      id: m.id,
      ok: false,
      error: {
        code: typeof err.code === 'string' && err.name === 'KubedeckError' ? err.code : 'internal',
        message: err.message ?? String(e),
        exitCode: err.exitCode === 2 ? 2 : 1,
      },
    });
  }
});
