-- Blocking keys carry a rank: the identity's document count, refreshed each time the count doubles. A lookup reads a
-- key's best-known identities first, through the index, and stops after a bounded number however common the key
-- (thousands of "Ali"s in a large store), so the cost of resolving a new mention does not grow with the store.
ALTER TABLE identity_keys ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
UPDATE identity_keys SET rank = coalesce((SELECT documents FROM identities WHERE id = identity_keys.identity_id), 0);
CREATE INDEX identity_keys_rank ON identity_keys(key, rank DESC);
-- New key "p:fl:<first initial> <surname>": a full name's block, much smaller than its surname's. Derived here from
-- the stored full-name and surname keys of each identity, so an existing store needs no rebuild.
INSERT OR IGNORE INTO identity_keys(key, identity_id, rank)
SELECT 'p:fl:' || substr(a.key, 3, 1) || ' ' || substr(b.key, 8), a.identity_id, a.rank
FROM identity_keys a JOIN identity_keys b ON b.identity_id = a.identity_id AND b.key LIKE 'p:last:%'
WHERE a.key LIKE 'p:%' AND a.key NOT LIKE 'p:last:%' AND a.key NOT LIKE 'p:del:%' AND a.key NOT LIKE 'p:ini:%'
  AND instr(a.key, ' ') > 0 AND substr(a.key, -length(b.key) + 6) = ' ' || substr(b.key, 8);
