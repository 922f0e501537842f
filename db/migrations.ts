import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubedeckError } from './errors.ts';

export type Migration = { version: number; name: string; sql: string };

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_RE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** Reads db/migrations and refuses gaps or duplicates, so a botched merge cannot half-migrate a learner's file. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = FILE_RE.exec(file);
    if (!m)
      throw new KubedeckError(
        'migration-name',
        `${join(dir, file)}: migration file names must be NNNN-name.sql`,
      );
    const version = Number(m[1]);
    if (version !== out.length + 1) {
      throw new KubedeckError(
        'migration-order',
        `${join(dir, file)}: expected migration ${out.length + 1}, found ${version}`,
      );
    }
    out.push({ version, name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') });
  }
  return out;
}
