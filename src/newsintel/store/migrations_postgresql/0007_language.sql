-- PostgreSQL twin of migrations/0007_language.sql.
ALTER TABLE documents ADD COLUMN language TEXT;
CREATE INDEX documents_language ON documents(language);
