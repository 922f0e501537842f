-- Kubedeck schema 10: find a card by what it says (issue #17). A rule's card another note already holds word for
-- word is not made again (core/import/held-elsewhere.ts); its identity (content_key) may keep an older prompt, so
-- the importer looks the card up by its text. The head of the prompt is enough to index: the query compares the
-- whole text after it.
CREATE INDEX IF NOT EXISTS cards_prompt_head ON cards(substr(prompt, 1, 80));
