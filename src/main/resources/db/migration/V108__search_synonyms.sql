-- Synonyms the admins add in the desk, one Solr-format line each, applied by every portal process within seconds
-- on top of the bundled (or PORTAL_SYNONYMS) file. Who added or removed a line is in the audit log.
CREATE TABLE search_synonyms (
  id         bigserial PRIMARY KEY,
  line       text NOT NULL UNIQUE CHECK (length(btrim(line)) BETWEEN 1 AND 300),
  created_at timestamptz NOT NULL DEFAULT now()
);
