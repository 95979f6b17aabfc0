-- PostgreSQL twin of migrations/0009_type_judgements.sql: PostgreSQL changes the CHECK constraint in place.
ALTER TABLE judgements DROP CONSTRAINT judgements_kind_check;
ALTER TABLE judgements ADD CONSTRAINT judgements_kind_check
    CHECK (kind IN ('merge', 'split', 'not-same', 'retype', 'suppress'));
ALTER TABLE judgements ADD COLUMN value TEXT;
ALTER TABLE identities ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE identities ADD COLUMN retyped TEXT;
