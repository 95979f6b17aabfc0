-- PostgreSQL twin of migrations/0016_partner_identities.sql (store/partner_import.py owns this column).
ALTER TABLE partner_objects ADD COLUMN identity_id TEXT;
CREATE INDEX partner_objects_identity ON partner_objects(identity_id);
