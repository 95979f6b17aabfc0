-- Indexes that answer a profile's reads by themselves (store/fact_reads.py; PostgreSQL twin in
-- migrations_postgresql/0017_profile_reads.sql, same index names). Each section of a profile looks up the identity's
-- latest 1,000 in-document entities, ranks what it finds by date or id and shows the first 20: the ranking now reads
-- only these indexes, and the table only for the rows shown. Each index keeps its name and leading columns, so
-- every other read that used it still does.
--   event_args_entity: an entity's events and its role in each.
--   mentions_entity + claims_document: the claims whose span holds a mention of the entity ("claims about").
--   claims_speaker: the claims an entity made, with their reports.
--   relations_subject / relations_object: an entity's relations by type (the id is the table's rowid).
--   entities_attributes: only the entities with attributes (a fifth of them on a generated store), with their report.
DROP INDEX event_args_entity;
CREATE INDEX event_args_entity ON event_args(entity_id, role, event_id);
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity ON mentions(entity_id, document_id, start, "end");
DROP INDEX claims_document;
CREATE INDEX claims_document ON claims(document_id, start, "end", speaker_entity);
DROP INDEX claims_speaker;
CREATE INDEX claims_speaker ON claims(speaker_entity, document_id);
DROP INDEX relations_subject;
CREATE INDEX relations_subject ON relations(subject_entity, type);
DROP INDEX relations_object;
CREATE INDEX relations_object ON relations(object_entity, type);
CREATE INDEX entities_attributes ON entities(id, document_id) WHERE attributes != '{}';
