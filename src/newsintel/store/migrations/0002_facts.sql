-- Extracted facts. Each row keeps its provenance: document, sentence, character offsets into documents.text.
-- `data` holds the fact exactly as `extract --json` prints it; the other columns are for querying.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    plover TEXT,
    trigger TEXT NOT NULL,
    modality TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    time_text TEXT,
    time_value TEXT,                      -- ISO date or "start/end" range
    speaker TEXT,                         -- attribution; NULL = the reporter's own statement
    speaker_entity TEXT,
    cue TEXT,
    data TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id, start);
CREATE INDEX events_type ON events(type, modality);

CREATE TABLE event_args (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                   -- actors, targets, location, origin, destination, via
    text TEXT NOT NULL,
    entity_id TEXT                        -- the in-document entity, when linked
);
CREATE INDEX event_args_event ON event_args(event_id);
CREATE INDEX event_args_entity ON event_args(entity_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    speaker_entity TEXT,
    cue TEXT NOT NULL,
    medium TEXT,
    modality TEXT NOT NULL,
    content TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_speaker ON claims(speaker_entity);

CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    approximate INTEGER NOT NULL,
    counted TEXT,
    counted_entity TEXT,
    speaker TEXT,
    data TEXT NOT NULL
);
CREATE INDEX quantities_document ON quantities(document_id);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_entity TEXT,
    object TEXT NOT NULL,
    object_entity TEXT,
    role TEXT,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX relations_document ON relations(document_id);
CREATE INDEX relations_subject ON relations(subject_entity);
CREATE INDEX relations_object ON relations(object_entity);
