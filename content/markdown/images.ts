import { isAbsolute, resolve } from 'node:path';

/** `![alt](src)` references resolved against the note's folder; remote and data URLs are not checked. */
export function findImages(lines: string[], claimed: boolean[], dir: string, exists: (p: string) => boolean) {
  const missing: { line: number; src: string }[] = [];
  lines.forEach((l, i) => {
    if (claimed[i]) return;
    for (const m of l.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const src = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) continue;
      let path: string;
      try {
        path = decodeURI(src);
      } catch {
        path = src;
      }
      if (!exists(isAbsolute(path) ? path : resolve(dir, path))) missing.push({ line: i + 1, src });
    }
  });
  return missing;
}
