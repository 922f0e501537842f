import { afterAll } from 'vitest';
import { removeTmpDirs } from './tmp.ts';

// Each test file's temporary folders go when the file is done. Registered before the file's own hooks, this runs
// after them (vitest runs after-hooks in reverse), so servers and databases a file opened are closed by then.
afterAll(removeTmpDirs);
