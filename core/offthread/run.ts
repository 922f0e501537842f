import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KubedeckError } from '../../db/errors.ts';
import type { TaskName, Tasks } from './tasks.ts';

/** How long a task may run, and how much memory it may take, before it is stopped. */
export type Limits = { timeoutMs: number; maxMemoryMb: number };

/** KUBEDECK_OFFTHREAD_TIMEOUT_MS lowers every task's time limit (tests, the fault bench). */
export function limitsFor(task: TaskName, env: NodeJS.ProcessEnv = process.env): Limits {
  const forced = Number(env.KUBEDECK_OFFTHREAD_TIMEOUT_MS);
  const base: Limits =
    task === 'grade' ? { timeoutMs: 10_000, maxMemoryMb: 512 } : { timeoutMs: 120_000, maxMemoryMb: 2048 };
  return Number.isFinite(forced) && forced > 0 ? { ...base, timeoutMs: forced } : base;
}

type Reply = {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; exitCode: 1 | 2 };
};
type Stopped = (why: 'time' | 'memory', limits: Limits) => KubedeckError;

const BOOT = new URL('./worker.mjs', import.meta.url);
/** Warm grading workers kept for the next answer: a worker's first task pays for loading the grader. */
const idle: Worker[] = [];
const MAX_IDLE = 2;
let nextId = 1;

/**
 * Drops this module's listeners from a worker, event by event. Never `w.removeAllListeners()` with no event name:
 * that also removes Node's own newListener/removeListener hooks, which start the worker's message port when a
 * 'message' listener is added and stop it when the last one goes. The warm worker's port was stopped when its
 * warm-up reply was handled and never started again: its first grade ran into the time limit (10 s in serve).
 */
function dropListeners(w: Worker): void {
  for (const event of ['message', 'error', 'exit'] as const) w.removeAllListeners(event);
}

/**
 * Runs `task` away from the request thread, so serve and the desktop core keep answering other calls. Grading (pure
 * JavaScript) runs in a worker thread; a file import runs in a child process, because SQLite work on a hostile
 * package (a recursive view) never returns to JavaScript, and only a process can be stopped in the middle of it.
 * Past its limits the task is stopped, its transaction rolls back, and `stopped` says why to the learner.
 */
export function runOffThread<K extends TaskName>(
  task: K,
  args: Parameters<Tasks[K]>[0],
  stopped: Stopped,
): Promise<ReturnType<Tasks[K]>> {
  const limits = limitsFor(task);
  return task === 'grade' ? inThread(task, args, limits, stopped) : inProcess(task, args, limits, stopped);
}

const settle = <T>(m: Reply, resolve: (v: T) => void, reject: (e: unknown) => void) => {
  if (m.ok) resolve(m.value as T);
  else reject(new KubedeckError(m.error!.code, m.error!.message, m.error!.exitCode));
};

function inThread<K extends TaskName>(task: K, args: unknown, limits: Limits, stopped: Stopped) {
  const w =
    idle.pop() ?? new Worker(BOOT, { resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb } });
  w.ref();
  dropListeners(w);
  const id = nextId++;
  return new Promise<ReturnType<Tasks[K]>>((resolve, reject) => {
    const timer = setTimeout(() => {
      dropListeners(w);
      void w.terminate();
      reject(stopped('time', limits));
    }, limits.timeoutMs);
    w.on('message', (m: Reply) => {
      if (m.id !== id) return;
      clearTimeout(timer);
      keepIdle(w);
      settle(m, resolve, reject);
    });
    w.once('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      void w.terminate();
      reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? stopped('memory', limits) : e);
    });
    w.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${task} worker stopped (exit code ${code})`));
    });
    w.postMessage({ id, task, args });
  });
}

/**
 * Starts a grading worker and loads the grader in it, so the first answer of a long-lived host is graded as fast as
 * the next ones. Fire and forget: a failure here only means the first grade starts its own worker. Settles (never
 * rejects) once the worker waits for answers, or failed to start.
 */
export function prewarmGrading(): Promise<void> {
  const w = new Worker(BOOT, { resourceLimits: { maxOldGenerationSizeMb: limitsFor('grade').maxMemoryMb } });
  w.unref();
  return new Promise((done) => {
    w.once('message', () => {
      keepIdle(w);
      done();
    });
    w.once('error', () => done());
    w.postMessage({ id: 0, task: 'warm', args: null });
  });
}

function keepIdle(w: Worker): void {
  dropListeners(w);
  if (idle.length >= MAX_IDLE) {
    void w.terminate();
    return;
  }
  w.unref(); // an idle worker never keeps a CLI run alive
  const forget = () => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  };
  w.once('error', forget);
  w.once('exit', forget);
  idle.push(w);
}

function inProcess<K extends TaskName>(task: K, args: unknown, limits: Limits, stopped: Stopped) {
  const child: ChildProcess = fork(fileURLToPath(BOOT), [], {
    execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`],
    // Inside Electron, execPath is Electron itself: this makes it run the script as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-2000);
  });
  const id = nextId++;
  return new Promise<ReturnType<Tasks[K]>>((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      finish();
      reject(stopped('time', limits));
    }, limits.timeoutMs);
    child.on('message', (m: Reply) => {
      if (m.id !== id || done) return;
      finish();
      settle(m, resolve, reject);
    });
    child.once('error', (e) => {
      if (done) return;
      finish();
      reject(e);
    });
    child.once('exit', (code, signal) => {
      if (done) return;
      finish();
      reject(
        /heap out of memory/i.test(stderr)
          ? stopped('memory', limits)
          : new Error(`the ${task} process stopped (${signal ?? `exit code ${code}`})`),
      );
    });
    child.send({ id, task, args });
  });
}
