-- Analyst judgements on an identity's type: `retype` (the identity is of another type: a social network the NER
-- model read as a person is an organisation) and `suppress` (junk: kept out of every view). Like merge/split they
-- are stored with the entity refs of the identity when judged, and re-applied after every rebuild; `value` holds
-- the type a retype gives. SQLite cannot change a CHECK constraint in place, so the table is copied.
CREATE TABLE judgements_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'not-same', 'retype', 'suppress')),
    left_refs TEXT NOT NULL,
    right_refs TEXT NOT NULL,
    note TEXT,
    made_at TEXT NOT NULL,
    value TEXT
);
INSERT INTO judgements_new(id, kind, left_refs, right_refs, note, made_at)
SELECT id, kind, left_refs, right_refs, note, made_at FROM judgements;
DROP TABLE judgements;
ALTER TABLE judgements_new RENAME TO judgements;
-- Derived from the judgements (set again whenever they are re-applied): `suppressed` 1 keeps the identity out of
-- every view; `retyped` is the type an analyst gave it, which its members' votes no longer change.
ALTER TABLE identities ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE identities ADD COLUMN retyped TEXT;
