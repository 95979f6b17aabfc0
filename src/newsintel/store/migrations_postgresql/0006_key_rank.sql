-- PostgreSQL twin of migrations/0006_key_rank.sql. The data migration says in PostgreSQL what SQLite's says:
-- strpos for instr, and right(x, n) for SQLite's substr(x, -n) (the last n characters).
ALTER TABLE identity_keys ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
UPDATE identity_keys SET rank = coalesce((SELECT documents FROM identities WHERE id = identity_keys.identity_id), 0);
CREATE INDEX identity_keys_rank ON identity_keys(key, rank DESC);
INSERT INTO identity_keys(key, identity_id, rank)
SELECT 'p:fl:' || substr(a.key, 3, 1) || ' ' || substr(b.key, 8), a.identity_id, a.rank
FROM identity_keys a JOIN identity_keys b ON b.identity_id = a.identity_id AND b.key LIKE 'p:last:%'
WHERE a.key LIKE 'p:%' AND a.key NOT LIKE 'p:last:%' AND a.key NOT LIKE 'p:del:%' AND a.key NOT LIKE 'p:ini:%'
  AND strpos(a.key, ' ') > 0 AND right(a.key, length(b.key) - 6) = ' ' || substr(b.key, 8)
ON CONFLICT DO NOTHING;
