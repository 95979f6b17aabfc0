-- Cross-document resolution: in-document entities are linked to identities (one real-world person, group or
-- place). Links are derived and can be rebuilt at any time; analyst judgements are not derived and always win.
CREATE TABLE identities (
    id TEXT PRIMARY KEY,                  -- "I" + 12 hex digits, from the first entity linked to it
    kind TEXT NOT NULL,                   -- person, org, place
    type TEXT NOT NULL,                   -- the most frequent entity type of its members
    name TEXT NOT NULL,                   -- the most frequent full name of its members
    documents INTEGER NOT NULL DEFAULT 0, -- number of documents mentioning it
    profile TEXT NOT NULL DEFAULT '{}'    -- JSON: names, nationalities, birth years, genders seen
);
CREATE INDEX identities_name ON identities(name);

CREATE TABLE entity_links (
    entity_id TEXT PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    identity_id TEXT NOT NULL REFERENCES identities(id),
    document_id TEXT NOT NULL,
    ref TEXT NOT NULL,                    -- stable reference "<document id>:<name form>" used by judgements
    score REAL NOT NULL,
    method TEXT NOT NULL                  -- new, name, context, judgement
);
CREATE INDEX entity_links_identity ON entity_links(identity_id);  -- rows in rowid order: latest links first
CREATE INDEX entity_links_document ON entity_links(document_id);
CREATE INDEX entity_links_ref ON entity_links(ref);

-- Blocking keys: a new name finds its candidate identities by index lookup, never by scanning.
CREATE TABLE identity_keys (
    key TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities(id) ON DELETE CASCADE,
    PRIMARY KEY (key, identity_id)
) WITHOUT ROWID;
CREATE INDEX identity_keys_identity ON identity_keys(identity_id);

-- Analyst judgements, replayed after every rebuild. Sides are JSON lists of entity refs.
CREATE TABLE judgements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'not-same')),
    left_refs TEXT NOT NULL,
    right_refs TEXT NOT NULL,
    note TEXT,
    made_at TEXT NOT NULL
);
