-- The service map: "near me" prefilters on a bounding box over this index, then orders by haversine distance.
CREATE INDEX stations_location_idx ON stations (latitude, longitude) WHERE latitude IS NOT NULL;

-- The key that signs the report-a-mistake form's token. Kept in the database so that every portal process
-- accepts the tokens of the others. gen_random_uuid() draws from PostgreSQL's strong random source
-- (pgcrypto is not needed); two of them give 244 random bits.
CREATE TABLE station_report_secret (
  id         smallint PRIMARY KEY CHECK (id = 1),
  secret     bytea NOT NULL CHECK (length(secret) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO station_report_secret (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
