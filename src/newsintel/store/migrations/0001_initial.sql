-- Documents, their sentences and in-document entities with character-offset mentions.
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- sha256 of the cleaned text, 16 hex digits
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,                       -- ISO 8601 when known
    author TEXT,
    origin TEXT NOT NULL,                 -- file path (and record number) it was first read from
    format TEXT NOT NULL,
    text TEXT NOT NULL,                   -- cleaned text; every offset indexes into it
    ingested_at TEXT NOT NULL
);

-- Every raw input record seen, by the hash of its bytes: re-reading it is "unchanged" without any work.
CREATE TABLE inputs (
    raw_hash TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE INDEX inputs_document ON inputs(document_id);

CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    id TEXT PRIMARY KEY,                  -- <document id>-e<n>
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list
    attributes TEXT NOT NULL DEFAULT '{}' -- JSON object
);
CREATE INDEX entities_document ON entities(document_id);
CREATE INDEX entities_type_name ON entities(type, name);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL                   -- the NER label the mention came with
);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_document ON mentions(document_id, start);

-- Full-text search over title and text, kept in step with `documents` by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
