import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import { KubedeckError } from '../../db/errors.ts';
import { cardListRow } from '../../db/review.ts';
import { defineHandlers } from '../handler.ts';
import { readRoots, requireInside } from '../safety/file-roots.ts';

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
 * text names, resolved against its note's folder, with an image extension, is ever read.
 */
export const mediaHandlers = defineHandlers({
  'media/image': {
    args: z.object({ cardId: z.string().min(1), src: z.string().min(1).max(1000) }),
    run: (ctx, a) => {
      const card = cardListRow(ctx.db, a.cardId);
      const type = IMAGE_TYPES[extname(a.src.split(/[?#]/)[0]!).toLowerCase()];
      const named = card && (card.prompt.includes(`](${a.src}`) || card.answer.includes(`](${a.src}`));
      if (!card?.source_file || !type || !named || /^[a-z][a-z0-9+.-]*:/i.test(a.src))
        throw new KubedeckError('no-image', `not an image of this card: ${a.src}`);
      const file = resolve(dirname(card.source_file), decodeURI(a.src.split(/[?#]/)[0]!));
      requireInside(ctx, file, readRoots);
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
