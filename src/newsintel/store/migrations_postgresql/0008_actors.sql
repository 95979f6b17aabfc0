-- PostgreSQL twin of migrations/0008_actors.sql. actors gets an explicit `rowid` (the code orders by it).
CREATE TABLE actors (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    role TEXT,
    nationality TEXT,
    group_text TEXT,
    group_entity TEXT,
    count_value DOUBLE PRECISION,
    count_min DOUBLE PRECISION,
    count_max DOUBLE PRECISION,
    count_vague TEXT,
    part_of TEXT,
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
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);

ALTER TABLE event_args ADD COLUMN actor_id TEXT;
CREATE INDEX event_args_actor ON event_args(actor_id);
