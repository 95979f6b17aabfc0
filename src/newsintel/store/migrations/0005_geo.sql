-- Where a place entity is: the gazetteer entry its mentions resolve to (NULL when unresolved or not a place).
ALTER TABLE entities ADD COLUMN geonameid INTEGER;
ALTER TABLE entities ADD COLUMN lat REAL;
ALTER TABLE entities ADD COLUMN lon REAL;
ALTER TABLE entities ADD COLUMN country TEXT;
ALTER TABLE entities ADD COLUMN geo_kind TEXT;
CREATE INDEX entities_geonameid ON entities(geonameid);
