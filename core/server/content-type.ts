import { extname } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The content type of a built renderer file, for `kubedeck serve` and the Electron app:// protocol alike. */
export const contentTypeOf = (file: string): string => MIME[extname(file)] ?? 'application/octet-stream';
