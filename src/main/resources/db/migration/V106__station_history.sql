-- A station's public change history: for every update of a station row, the public fields that changed, old and
-- new value, written by a trigger in the same transaction (so the desk, the CSV import and anything later are all
-- covered). Only public fields are copied: never verified_by (an editor's login), origin or anything about reports.
CREATE TABLE station_changes (
  id           bigserial PRIMARY KEY,
  station_id   bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  -- now(): the transaction's start, the same instant the desk's audit_log row of that change carries
  at           timestamptz NOT NULL DEFAULT now(),
  -- {"phone": {"old": "021-…", "new": "021-…"}, …}
  changes      jsonb NOT NULL,
  verified_at  date,
  verified_how text NOT NULL DEFAULT ''
);
CREATE INDEX station_changes_station_idx ON station_changes (station_id, at DESC, id DESC);
CREATE INDEX station_changes_at_idx ON station_changes (at DESC, id DESC);

CREATE FUNCTION record_station_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb := to_jsonb(OLD);
  n jsonb := to_jsonb(NEW);
  f text;
  diff jsonb := '{}';
BEGIN
  FOREACH f IN ARRAY ARRAY['name', 'kind', 'organization', 'description', 'address', 'province', 'city',
      'district', 'township', 'latitude', 'longitude', 'location_precision', 'phone', 'opening_hours',
      'services', 'target_groups', 'status', 'verified_at', 'verified_how'] LOOP
    IF (o -> f) IS DISTINCT FROM (n -> f) THEN
      diff := diff || jsonb_build_object(f, jsonb_build_object('old', o -> f, 'new', n -> f));
    END IF;
  END LOOP;
  IF diff <> '{}'::jsonb THEN
    INSERT INTO station_changes (station_id, changes, verified_at, verified_how)
    VALUES (NEW.id, diff, NEW.verified_at, NEW.verified_how);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER stations_history AFTER UPDATE ON stations
  FOR EACH ROW WHEN (NEW.origin <> 'synthetic') EXECUTE FUNCTION record_station_change();

-- What the stations feature may read of the editors' audit log: when and which kind of station change, never
-- who (actor) nor the free-form detail. A read-only view; stations/StationHistoryRepository is its only reader.
CREATE VIEW station_audit_public AS
  SELECT id, at, entity_id AS station_id, action
  FROM audit_log
  WHERE entity = 'station' AND action LIKE 'station.%';

-- a station's audit rows, for its history page (the log's only index is by time)
CREATE INDEX audit_log_station_idx ON audit_log (entity_id, at) WHERE entity = 'station';
