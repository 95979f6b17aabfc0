-- The language identified from each document's text (ISO 639-1, or 639-3 where there is none). NULL when it could
-- not be told (too short, too uncertain) and for documents stored before identification existed: `newsintel
-- reprocess` identifies those. Indexed for `stats`, which counts documents by language.
ALTER TABLE documents ADD COLUMN language TEXT;
CREATE INDEX documents_language ON documents(language);
