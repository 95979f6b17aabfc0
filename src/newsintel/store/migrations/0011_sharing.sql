-- Sharing (issue 14): the source registry and each document's handling.
-- `sources`: one row per source an analyst graded (`newsintel sources set`): Admiralty source reliability A-F and
-- the TLP 2.0 level its documents get by default. `document_handling`: the source a document was stored under (its
-- publisher unless `ingest --source` said otherwise) and its TLP. Documents stored before this migration were public
-- news: they get their publisher as source and TLP clear.
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    tlp TEXT NOT NULL DEFAULT 'clear' CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
    updated_at TEXT NOT NULL
);

CREATE TABLE document_handling (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    tlp TEXT NOT NULL CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red'))
);
CREATE INDEX document_handling_source ON document_handling(source);

INSERT INTO document_handling(document_id, source, tlp)
SELECT id, coalesce(nullif(source, ''), 'unknown'), 'clear' FROM documents;
