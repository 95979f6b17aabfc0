-- PostgreSQL twin of migrations/0017_profile_reads.sql (same index names and leading columns): indexes that answer
-- a profile's reads by themselves, so its ranking of an identity's facts reads no table row but the 20 shown. The
-- ids SQLite keeps in every index (its rowid) are listed here. An index-only scan skips the table only for pages
-- the visibility map marks all-visible: `newsintel copy` vacuums the copy, autovacuum keeps an ingested store so.
DROP INDEX event_args_entity;
CREATE INDEX event_args_entity ON event_args(entity_id, role, event_id);
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity ON mentions(entity_id, document_id, start, "end");
DROP INDEX claims_document;
CREATE INDEX claims_document ON claims(document_id, start, "end", speaker_entity, id);
DROP INDEX claims_speaker;
CREATE INDEX claims_speaker ON claims(speaker_entity, document_id, id);
DROP INDEX relations_subject;
CREATE INDEX relations_subject ON relations(subject_entity, type, id);
DROP INDEX relations_object;
CREATE INDEX relations_object ON relations(object_entity, type, id);
CREATE INDEX entities_attributes ON entities(id, document_id, rowid) WHERE attributes != '{}';
