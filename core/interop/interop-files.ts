import { extname } from 'node:path';

/** Files `kubedeck import` hands to the interop importers instead of the note importer. */
export const INTEROP_EXTENSIONS = ['.apkg', '.colpkg', '.csv', '.json'] as const;
export const isInteropFile = (path: string) =>
  (INTEROP_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
