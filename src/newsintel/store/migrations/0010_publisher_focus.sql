-- Each publisher's focus (nlp/focus.py): of its documents, how many name each region without doubt. The row with
-- country '' holds the number of the publisher's documents counted. Taken at a stable point (`newsintel reprocess`
-- rebuilds it from every stored document before any is re-read) and only read while geocoding, so a document's
-- places never depend on the order, batch or worker that read it.
CREATE TABLE publisher_focus (
    source TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL DEFAULT '',
    documents INTEGER NOT NULL,
    PRIMARY KEY (source, country, admin1)
) WITHOUT ROWID;
