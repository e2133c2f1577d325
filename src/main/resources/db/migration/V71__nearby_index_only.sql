-- "Nearest first" orders the stations in a ring around the resident by distance. With id and kind in the
-- location index, that ordering reads the index alone; only the few nearest rows are then read in full.
CREATE INDEX stations_near_idx ON stations (latitude, longitude) INCLUDE (id, kind) WHERE latitude IS NOT NULL;
DROP INDEX stations_location_idx;
