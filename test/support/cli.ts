import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'kubedeck.mjs');

export type CliResult = { code: number; stdout: string; stderr: string; json: () => unknown };

/** Runs the real `kubedeck` binary in a child process, as a learner's shell would. */
export function kubedeck(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, KUBEDECK_NO_BUNDLED: '1', ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
