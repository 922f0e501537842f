import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { BURYABLE_SIBLINGS_SQL } from '../../db/review.ts';
import { tmpDir } from '../support/tmp.ts';

describe('query plans on the rating path', () => {
  it('finds siblings through the sibling index, not by walking every new card', () => {
    const { db } = openDatabase(join(tmpDir(), 'k.sqlite'));
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${BURYABLE_SIBLINGS_SQL}`).all('s', 'c', 0) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX cards_sibling \(sibling_key=\?\)/);
    db.close();
  });
});
