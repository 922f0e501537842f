import { type Unzipped, unzipSync } from 'fflate';
import { KubedeckError } from '../../db/errors.ts';

export type ZipCaps = { maxTotalBytes: number; maxEntries: number };

/** A learner's Anki package is a few hundred MB at most; anything past this is refused before inflating a byte. */
export const DEFAULT_ZIP_CAPS: ZipCaps = { maxTotalBytes: 1024 * 1024 * 1024, maxEntries: 100_000 };

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Unzips in two passes: the first reads only the central directory (each entry's declared size, nothing inflated)
 * and refuses archives over the caps; the second inflates. fflate inflates each entry into a buffer of its declared
 * size, so an entry that lies about its size cannot grow past it.
 */
export function safeUnzip(bytes: Uint8Array, file: string, caps: ZipCaps = DEFAULT_ZIP_CAPS): Unzipped {
  let total = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw new KubedeckError(
      'zip-damaged',
      `${file}: not a complete zip archive (truncated or damaged: ${(e as Error).message})`,
    );
  }
  if (entries > caps.maxEntries)
    throw new KubedeckError(
      'zip-too-many',
      `${file}: the archive holds ${entries} files, more than the ${caps.maxEntries} Kubedeck accepts; refusing it`,
    );
  if (total > caps.maxTotalBytes)
    throw new KubedeckError(
      'zip-too-big',
      `${file}: the archive would unpack to ${mb(total)}, more than the ${mb(caps.maxTotalBytes)} Kubedeck accepts (a zip bomb?); refusing it`,
    );
  try {
    return unzipSync(bytes);
  } catch (e) {
    throw new KubedeckError(
      'zip-damaged',
      `${file}: not a complete zip archive (truncated or damaged: ${(e as Error).message})`,
    );
  }
}
