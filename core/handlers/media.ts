import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { KubedeckError } from '../../db/errors.ts';
import { cardListRow } from '../../db/review.ts';
import { defineHandlers } from '../handler.ts';
import { imageFile } from '../interop/anki-media.ts';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const MAX_IMAGE = 5 * 1024 * 1024;

/**
 * Images from notes, as data: URLs (the only image source the CSP allows besides the app). Only a path the card's own
 * text names, with an image extension, is ever read: resolved against its note's folder, or, for a card imported
 * from Anki (no note), inside the media folder beside the database.
 */
export const mediaHandlers = defineHandlers({
  'media/image': {
    args: z.object({ cardId: z.string().min(1), src: z.string().min(1).max(1000) }),
    run: (ctx, a) => {
      const card = cardListRow(ctx.db, a.cardId);
      const type = IMAGE_TYPES[extname(a.src.split(/[?#]/)[0]!).toLowerCase()];
      const named = card && (card.prompt.includes(`](${a.src}`) || card.answer.includes(`](${a.src}`));
      const file =
        card && type && named && !/^[a-z][a-z0-9+.-]*:/i.test(a.src)
          ? imageFile(a.src, { source_file: card.source_file ?? null }, ctx.dbPath)
          : null;
      if (!file) throw new KubedeckError('no-image', `not an image of this card: ${a.src}`);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        throw new KubedeckError('no-image', `image not found: ${file}`);
      }
      if (size > MAX_IMAGE) throw new KubedeckError('no-image', `image over 5 MB: ${file}`);
      return { dataUrl: `data:${type};base64,${readFileSync(file).toString('base64')}` };
    },
  },
});
