-- Blocking-key lookups read `ORDER BY rank DESC, identity_id` (store/identity_index.py): ties in rank go by identity
-- id, so SQLite and PostgreSQL return the same candidates. Nothing to change here: this table is WITHOUT ROWID, so
-- its index identity_keys_rank (key, rank DESC) already ends in the primary key's identity_id and is read in that
-- order. The PostgreSQL twin adds the column to its index.
SELECT 1;
