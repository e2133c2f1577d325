-- A parsed station CSV upload waiting for the editor's decision: nothing reaches stations until they confirm.
CREATE TABLE station_import_batches (
  id          text PRIMARY KEY,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  file_name   text NOT NULL DEFAULT '',
  -- the valid rows as {"line": n, "row": {column: value}}, re-validated on confirm
  valid_rows  jsonb NOT NULL DEFAULT '[]',
  imported_at timestamptz
);
