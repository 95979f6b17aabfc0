-- PostgreSQL twin of migrations/0005_geo.sql.
ALTER TABLE entities ADD COLUMN geonameid INTEGER;
ALTER TABLE entities ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE entities ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE entities ADD COLUMN country TEXT;
ALTER TABLE entities ADD COLUMN geo_kind TEXT;
CREATE INDEX entities_geonameid ON entities(geonameid);
