import { ensureCliBuild } from '../scripts/build-cli.mjs';

/** Tests spawn bin/kubedeck.mjs, which runs dist-cli/: build it once, up front, from the sources under test. */
export default async function setup(): Promise<void> {
  await ensureCliBuild();
}
