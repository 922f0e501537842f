-- Kubedeck schema 3: what the stats screen reads, so it never scans a million review_log rows.

-- Reviews per quarter hour (every time zone's day start falls on a quarter hour), kept exact by triggers: the
-- heatmap and true retention sum at most 35,040 buckets a year. "young"/"mature" count only reviews after an
-- interval of ≥ 1 day; mature = interval ≥ 21 days; pass = rating above Again.
CREATE TABLE review_quarter (
  bucket INTEGER PRIMARY KEY,
  reviews INTEGER NOT NULL DEFAULT 0,
  young_n INTEGER NOT NULL DEFAULT 0,
  young_pass INTEGER NOT NULL DEFAULT 0,
  mature_n INTEGER NOT NULL DEFAULT 0,
  mature_pass INTEGER NOT NULL DEFAULT 0
);

INSERT INTO review_quarter (bucket, reviews, young_n, young_pass, mature_n, mature_pass)
SELECT reviewed_at / 900000, count(*),
  sum(elapsed_days BETWEEN 1 AND 20), sum(elapsed_days BETWEEN 1 AND 20 AND rating > 1),
  sum(elapsed_days >= 21), sum(elapsed_days >= 21 AND rating > 1)
FROM review_log GROUP BY reviewed_at / 900000;

CREATE TRIGGER review_quarter_insert AFTER INSERT ON review_log BEGIN
  INSERT INTO review_quarter (bucket) VALUES (NEW.reviewed_at / 900000) ON CONFLICT(bucket) DO NOTHING;
  UPDATE review_quarter SET
    reviews = reviews + 1,
    young_n = young_n + (NEW.elapsed_days BETWEEN 1 AND 20),
    young_pass = young_pass + (NEW.elapsed_days BETWEEN 1 AND 20 AND NEW.rating > 1),
    mature_n = mature_n + (NEW.elapsed_days >= 21),
    mature_pass = mature_pass + (NEW.elapsed_days >= 21 AND NEW.rating > 1)
  WHERE bucket = NEW.reviewed_at / 900000;
END;

CREATE TRIGGER review_quarter_delete AFTER DELETE ON review_log BEGIN
  UPDATE review_quarter SET
    reviews = reviews - 1,
    young_n = young_n - (OLD.elapsed_days BETWEEN 1 AND 20),
    young_pass = young_pass - (OLD.elapsed_days BETWEEN 1 AND 20 AND OLD.rating > 1),
    mature_n = mature_n - (OLD.elapsed_days >= 21),
    mature_pass = mature_pass - (OLD.elapsed_days >= 21 AND OLD.rating > 1)
  WHERE bucket = OLD.reviewed_at / 900000;
END;

-- Card counts by state and memory averages (stability, difficulty, retrievability) from the index alone.
CREATE INDEX cards_memory ON cards(suspended, state, stability, difficulty, last_review, buried_until);
