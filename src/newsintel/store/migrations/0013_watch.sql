-- Watchlists and alerts (issue 14 item 5; store/watch.py owns these tables).
-- A watch names one identity, resolved when the analyst adds it (`newsintel watch add`). An alert is one new fact
-- about a watched identity found while a document was ingested, with its provenance; UNIQUE makes a rerun of the
-- same input add nothing. Alerts go with their document (ON DELETE CASCADE) and with their watch.
CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                   -- as the analyst gave it
    identity_id TEXT NOT NULL UNIQUE,     -- the identity watched (identities.id when added)
    note TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,            -- the sentence the fact comes from (-1: the headline)
    kind TEXT NOT NULL CHECK (kind IN ('report', 'place', 'movement', 'intent', 'associate')),
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (watch_id, document_id, kind, sentence, summary)
);
CREATE INDEX alerts_created ON alerts(created_at);
CREATE INDEX alerts_document ON alerts(document_id);
