-- Partner imports (issue 14 item 3; store/partner_import.py owns this table).
-- One row per STIX object imported from a partner's bundle (`newsintel import`), keyed by its STIX id, so importing
-- the same bundle again (a partner's ids are deterministic) updates what it stored instead of adding it twice, and a
-- later bundle may refer to a person, group or place an earlier one sent. `document_id`: the stored document the
-- object became or went into (NULL for people, groups and places, which go into every document naming them);
-- `data`: the object as received (JSON), read back when a later bundle refers to it.
CREATE TABLE partner_objects (
    stix_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    partner TEXT NOT NULL,
    document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    modified TEXT,
    data TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX partner_objects_document ON partner_objects(document_id);
CREATE INDEX partner_objects_partner ON partner_objects(partner);
