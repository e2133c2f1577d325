-- Public help lines (national hotlines and, when editors add them, regional ones), each with its source.
CREATE TABLE helplines (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  number      text NOT NULL CHECK (number ~ '^[0-9][0-9 -]{1,19}$'),
  scope       text NOT NULL CHECK (scope IN ('national', 'province', 'city')),
  region      text NOT NULL DEFAULT '',
  kinds       text[] NOT NULL DEFAULT '{}',
  -- opening_hours syntax; empty = 各地时段不同
  hours       text NOT NULL DEFAULT '',
  source_url  text NOT NULL CHECK (source_url ~ '^https?://'),
  checked     date NOT NULL,
  position    integer NOT NULL DEFAULT 0,
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'national') = (region = ''))
);

-- words that make /search show the help card; editable in the desk
CREATE TABLE crisis_words (
  word text PRIMARY KEY CHECK (length(btrim(word)) BETWEEN 1 AND 20)
);

-- a station's organisation phone, when it is public (the fallback before the help lines)
CREATE TABLE organization_phones (
  organization text PRIMARY KEY CHECK (length(btrim(organization)) BETWEEN 1 AND 200),
  phone        text NOT NULL CHECK (length(btrim(phone)) BETWEEN 3 AND 40),
  source_url   text NOT NULL DEFAULT ''
);
