-- Described actors: the unnamed participants of a document ("three Belgian fighters", "one of them", "a woman"),
-- one row per in-document actor (extract/actors.py), with every mention's offsets into documents.text.
-- `data` holds the actor exactly as `extract --json` prints it. Counts: count_value for an exact or approximate
-- number, count_min/count_max for bounds and vague words ("dozens" = min 24), count_vague for the vague word.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,                  -- "<document id>-a<n>"
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    role TEXT,                            -- data/actors.yaml roles: fighter, smuggler, wife, ...
    nationality TEXT,                     -- ISO 3166 alpha-2
    group_text TEXT,
    group_entity TEXT,                    -- the in-document ORG entity the actor belongs to
    count_value REAL,
    count_min REAL,
    count_max REAL,
    count_vague TEXT,
    part_of TEXT,                         -- "one of them": the actor id of the set
    data TEXT NOT NULL
);
CREATE INDEX actors_document ON actors(document_id);
CREATE INDEX actors_role ON actors(role, nationality);
CREATE INDEX actors_group ON actors(group_entity);

CREATE TABLE actor_mentions (
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);

-- The described actor an event argument refers to (NULL for a named entity or a thing).
ALTER TABLE event_args ADD COLUMN actor_id TEXT;
CREATE INDEX event_args_actor ON event_args(actor_id);
