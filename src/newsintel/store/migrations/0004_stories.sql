-- Stories: articles about the same event, grouped incrementally at ingest (newsintel.resolve.stories).
-- Every stored document has one row in story_docs, written in the same transaction as the document.
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL DEFAULT 0,      -- member documents
    first_day INTEGER,                    -- ordinal days (date.toordinal) of the earliest and latest member
    last_day INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX stories_size ON stories(size, last_day);

CREATE TABLE story_docs (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    day INTEGER NOT NULL,                 -- publication day (ingest day when undated)
    dated INTEGER NOT NULL,
    signature BLOB NOT NULL,              -- MinHash values (uint32)
    profile TEXT NOT NULL,                -- JSON: prefixed key -> weight (entities e:, places p:, words t:)
    embedding BLOB,                       -- float32 sentence embedding, when the [embeddings] extra is installed
    joined_by TEXT NOT NULL,              -- new, duplicate, similar, merged
    score REAL,                           -- similarity to the story when it joined
    assigned_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX story_docs_story ON story_docs(story_id);

-- Candidate lookup by index: MinHash LSH band hashes and entity/title-word keys, each with the article's day.
CREATE TABLE story_bands (
    band INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, document_id)
) WITHOUT ROWID;
CREATE INDEX story_bands_document ON story_bands(document_id);

CREATE TABLE story_keys (
    key TEXT NOT NULL,
    day INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, day, document_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_document ON story_keys(document_id);

-- Document frequency of every profile key, for IDF weights; the key '' counts the documents.
CREATE TABLE story_df (
    key TEXT PRIMARY KEY,
    df INTEGER NOT NULL
) WITHOUT ROWID;
