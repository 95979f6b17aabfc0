-- PostgreSQL twin of migrations/0011_sharing.sql.
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
