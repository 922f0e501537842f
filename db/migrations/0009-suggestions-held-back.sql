-- Kubedeck schema 9: why a suggestion is one (issue #17). A candidate over its density's line that the junk cap held
-- back ('junk-risk') is told apart from one under the line, so Browse › Suggestions can say so, as the Import preview
-- does. NULL: under the line, or not the best card of its fact.
ALTER TABLE suggestions ADD COLUMN held_back TEXT;
