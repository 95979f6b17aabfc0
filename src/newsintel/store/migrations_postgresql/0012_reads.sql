-- PostgreSQL twin of migrations/0012_reads.sql: what the read commands need to answer as on SQLite, and fast.
--
-- 1. Full-text search folds accents as SQLite's FTS5 (unicode61) does, so "Hadzic" finds "Hadžić": the text search
--    configuration `newsintel_search` is 'simple' (no stemming, as FTS5) with the `unaccent` dictionary in front
--    when the server has that extension (a trusted contrib extension; without it the configuration is 'simple').
--    The generated column documents.search is rebuilt with it, with its GIN index; queries use
--    websearch_to_tsquery('newsintel_search', ...) (store/queries.py).
-- 2. Every profile reads an identity's latest in-document entities (`... WHERE identity_id = ? ORDER BY rowid DESC
--    LIMIT 1000`, store/fact_reads.py). SQLite's index on identity_id holds the rowid already, so it reads them in
--    order; here the index gets the explicit `rowid` column so that it does too (same index name on both backends).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'unaccent not installed (no privilege): search will not fold accents';
END
$$;
CREATE TEXT SEARCH CONFIGURATION newsintel_search (COPY = simple);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION newsintel_search
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
    END IF;
END
$$;
DROP INDEX documents_search;
ALTER TABLE documents DROP COLUMN search;
ALTER TABLE documents ADD COLUMN search TSVECTOR
    GENERATED ALWAYS AS (to_tsvector('newsintel_search', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX documents_search ON documents USING GIN (search);

DROP INDEX IF EXISTS entity_links_identity;
CREATE INDEX entity_links_identity ON entity_links(identity_id, rowid);
