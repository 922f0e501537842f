import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { buildAnkiCollection } from '../../db/anki-collection.ts';
import { BASIC_MODELS, card } from '../interop/anki-packages.ts';

/**
 * An Anki package whose `revlog` is a recursive view with no end: reading the review log never returns (the probe's
 * "hangs forever" package). One note and one card, so everything before the review log reads fine.
 */
export function endlessRevlogPackage(): Uint8Array {
  const bytes = buildAnkiCollection({
    col: {
      crt: 1_735_700_000,
      mod: 0,
      scm: 0,
      ver: 11,
      conf: '{}',
      models: JSON.stringify(BASIC_MODELS),
      decks: JSON.stringify({ 1: { id: 1, name: 'Default' } }),
      dconf: '{}',
      tags: '{}',
    },
    notes: [
      { id: 1, guid: 'g1', mid: 1, mod: 0, tags: '', flds: 'front\x1fback', sfld: '', csum: 0, data: '' },
    ],
    cards: [card(10, 1, 1, 0)],
    revlog: [],
  } as never);
  const db = new Database(bytes);
  db.exec(`DROP TABLE revlog;
    CREATE VIEW revlog(id, cid, usn, ease, ivl, lastIvl, factor, time, type) AS
      WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x, 10, 0, 3, 1, 0, 2500, 1, 1 FROM r;`);
  const out = db.serialize();
  db.close();
  return zipSync({ 'collection.anki2': new Uint8Array(out), media: new TextEncoder().encode('{}') });
}
