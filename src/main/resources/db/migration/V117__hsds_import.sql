-- HSDS identifiers a station was imported with: a second package with the same ids updates the station
-- instead of adding another. Empty for stations the portal made itself (their ids are UUID v5 of the slug).
ALTER TABLE stations
  ADD COLUMN hsds_service_id  uuid UNIQUE,
  ADD COLUMN hsds_location_id uuid;

-- An uploaded HSDS package or JSON file, read and checked, waiting for the editor to apply it after the dry run.
CREATE TABLE hsds_import_batches (
  id           text PRIMARY KEY,
  created_by   text NOT NULL,
  file_name    text NOT NULL DEFAULT '',
  default_kind text NOT NULL DEFAULT '',
  -- the services as read: [{"ref", "service_id", "location_id", "slug", "row": {station CSV column: value}}]
  records      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  imported_at  timestamptz
);
