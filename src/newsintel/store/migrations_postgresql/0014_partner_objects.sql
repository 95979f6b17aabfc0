-- PostgreSQL twin of migrations/0014_partner_objects.sql (store/partner_import.py owns this table).
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
