-- Opening hours are now stored as OpenStreetMap opening_hours syntax: [{"syntax": "Mo-Fr 09:00-17:00; PH off"}];
-- [] still means unknown. Rows in the older per-interval form are rewritten into the syntax, grouped by day.
UPDATE stations s SET opening_hours = jsonb_build_array(jsonb_build_object('syntax', d.syntax))
FROM (
  SELECT id, string_agg(code || ' ' || spans, '; ' ORDER BY day) AS syntax FROM (
    SELECT st.id, (e->>'day')::int AS day,
           (ARRAY['Mo','Tu','We','Th','Fr','Sa','Su'])[(e->>'day')::int] AS code,
           string_agg((e->>'open') || '-' || (e->>'close'), ',' ORDER BY e->>'open') AS spans
    FROM stations st, jsonb_array_elements(st.opening_hours) e
    WHERE jsonb_array_length(st.opening_hours) > 0 AND NOT (st.opening_hours->0 ? 'syntax')
    GROUP BY st.id, 2, 3) per_day
  GROUP BY id) d
WHERE s.id = d.id;

COMMENT ON COLUMN stations.opening_hours IS '[{"syntax": opening_hours text}]; [] = unknown, not closed';

-- Temporary closures or special hours for a date range (HSDS alert-like), shown in red.
CREATE TABLE station_exceptions (
  id         bigserial PRIMARY KEY,
  station_id bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  starts_on  date NOT NULL,
  ends_on    date NOT NULL,
  -- opening_hours syntax for those days; '' = closed
  hours      text NOT NULL DEFAULT '',
  reason     text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on AND ends_on - starts_on <= 366)
);
CREATE INDEX station_exceptions_station_idx ON station_exceptions (station_id, ends_on);
