-- A help line an admin retires stays in the table (and in the audit log) but is no longer shown; the seed
-- import, which adds only ids not there yet, does not bring it back.
ALTER TABLE helplines ADD COLUMN retired_at timestamptz;
