-- Kubedeck schema 4: the queue's due index also holds buried_until, so counting today's due cards (up to the daily
-- limit) reads the index alone instead of one table row per card.
DROP INDEX cards_queue_due;
CREATE INDEX cards_queue_due ON cards(state, due, buried_until) WHERE suspended = 0;
