-- PostgreSQL twin of migrations/0015_key_order.sql. Blocking-key lookups read `ORDER BY rank DESC, identity_id`
-- (ties in rank by identity id, as SQLite's index gives them), one key at a time or many at once (a LATERAL join
-- per key); the index gets identity_id so both stop at their LIMIT without sorting (same index name on both backends).
DROP INDEX IF EXISTS identity_keys_rank;
CREATE INDEX identity_keys_rank ON identity_keys(key, rank DESC, identity_id);
