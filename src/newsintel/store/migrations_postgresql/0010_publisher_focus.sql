-- PostgreSQL twin of migrations/0010_publisher_focus.sql.
CREATE TABLE publisher_focus (
    source TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL DEFAULT '',
    documents INTEGER NOT NULL,
    PRIMARY KEY (source, country, admin1)
);
