-- "Nearest first": a GiST index answers "the k nearest points" (ORDER BY point <-> point) without computing a
-- distance for every station; StationSearch turns the farthest of them into an exact radius query.
CREATE INDEX stations_point_idx ON stations USING gist (point(longitude, latitude)) WHERE latitude IS NOT NULL;
