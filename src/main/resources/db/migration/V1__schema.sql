-- The whole product's schema. PostgreSQL is the source of truth; the Lucene index follows change_log.

CREATE TABLE articles (
  id             bigserial PRIMARY KEY,
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  title          text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  subtitle       text NOT NULL DEFAULT '',
  kicker         text NOT NULL DEFAULT '',
  summary        text NOT NULL DEFAULT '',
  body           text NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
  source         text NOT NULL DEFAULT '',
  author         text NOT NULL DEFAULT '',
  province       text NOT NULL DEFAULT '',
  city           text NOT NULL DEFAULT '',
  district       text NOT NULL DEFAULT '',
  tags           text[] NOT NULL DEFAULT '{}',
  published_at   timestamptz,
  date_precision text NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month', 'year')),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
  scheduled_at   timestamptz,
  note           text NOT NULL DEFAULT '',
  -- synthetic rows come from `./portal generate` for benchmarks and are never shown as real content
  origin         text NOT NULL DEFAULT 'editor' CHECK (origin IN ('seed', 'editor', 'synthetic')),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'published' OR published_at IS NOT NULL),
  CHECK (status <> 'scheduled' OR scheduled_at IS NOT NULL)
);
CREATE INDEX articles_public_idx ON articles (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
CREATE INDEX articles_scheduled_idx ON articles (scheduled_at) WHERE status = 'scheduled';

CREATE TABLE stations (
  id                 bigserial PRIMARY KEY,
  slug               text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind               text NOT NULL CHECK (kind IN ('psych', 'medical', 'township')),
  organization       text NOT NULL DEFAULT '',
  description        text NOT NULL DEFAULT '',
  address            text NOT NULL DEFAULT '',
  province           text NOT NULL DEFAULT '',
  city               text NOT NULL DEFAULT '',
  district           text NOT NULL DEFAULT '',
  township           text NOT NULL DEFAULT '',
  latitude           double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude          double precision CHECK (longitude BETWEEN -180 AND 180),
  location_precision text NOT NULL DEFAULT 'city' CHECK (location_precision IN ('exact', 'street', 'district', 'city')),
  phone              text NOT NULL DEFAULT '',
  -- [{"day":1..7 (ISO, Monday=1), "open":"09:00", "close":"17:00"}]; empty = unknown, not closed
  opening_hours      jsonb NOT NULL DEFAULT '[]',
  services           text[] NOT NULL DEFAULT '{}',
  target_groups      text[] NOT NULL DEFAULT '{}',
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'temporarily_closed', 'closed')),
  verified_at        date,
  source_article_id  bigint REFERENCES articles (id) ON DELETE SET NULL,
  origin             text NOT NULL DEFAULT 'editor' CHECK (origin IN ('seed', 'editor', 'synthetic')),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX stations_kind_idx ON stations (kind);
CREATE INDEX stations_region_idx ON stations (province, city, district);

CREATE TABLE article_stations (
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  station_id bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, station_id)
);
CREATE INDEX article_stations_station_idx ON article_stations (station_id);

CREATE TABLE article_revisions (
  id         bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version    integer NOT NULL,
  snapshot   jsonb NOT NULL,
  saved_by   text NOT NULL,
  saved_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, version)
);

CREATE TABLE users (
  id            bigserial PRIMARY KEY,
  login         text NOT NULL UNIQUE CHECK (login ~ '^[A-Za-z0-9_.@-]{2,64}$'),
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('editor', 'admin')),
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- id_hash is a SHA-256 of the cookie value, so a leaked table does not hand out live sessions
CREATE TABLE sessions (
  id_hash      text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_secret  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- consecutive login failures per key ('login:NAME' or 'addr:IP'), shared by every portal process
CREATE TABLE login_throttle (
  key             text PRIMARY KEY,
  failures        integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz
);

CREATE TABLE station_reports (
  id            bigserial PRIMARY KEY,
  station_id    bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  field         text NOT NULL,
  correct_value text NOT NULL CHECK (length(correct_value) BETWEEN 1 AND 2000),
  contact       text NOT NULL DEFAULT '',
  client_key    text NOT NULL DEFAULT '',
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  handled_by    text,
  handled_at    timestamptz
);
CREATE INDEX station_reports_open_idx ON station_reports (created_at) WHERE status = 'open';
CREATE INDEX station_reports_client_idx ON station_reports (client_key, created_at);

CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL,
  entity    text NOT NULL DEFAULT '',
  entity_id bigint,
  detail    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);

-- The outbox. Triggers write it in the same transaction as the change; txid lets a follower
-- tell a row whose transaction is still open (and may commit late, with a lower seq) from a gap.
CREATE TABLE change_log (
  seq        bigserial PRIMARY KEY,
  entity     text NOT NULL CHECK (entity IN ('article', 'station')),
  entity_id  bigint NOT NULL,
  op         text NOT NULL CHECK (op IN ('upsert', 'delete')),
  txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_txid_idx ON change_log (txid);

CREATE FUNCTION log_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := CASE TG_TABLE_NAME WHEN 'articles' THEN 'article' ELSE 'station' END;
  new_seq bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO change_log (entity, entity_id, op) VALUES (kind, OLD.id, 'delete') RETURNING seq INTO new_seq;
  ELSE
    INSERT INTO change_log (entity, entity_id, op) VALUES (kind, NEW.id, 'upsert') RETURNING seq INTO new_seq;
  END IF;
  PERFORM pg_notify('content_changes', new_seq::text);
  RETURN NULL;
END $$;

CREATE TRIGGER articles_change AFTER INSERT OR UPDATE OR DELETE ON articles
  FOR EACH ROW EXECUTE FUNCTION log_content_change();
CREATE TRIGGER stations_change AFTER INSERT OR UPDATE OR DELETE ON stations
  FOR EACH ROW EXECUTE FUNCTION log_content_change();

-- a link changes what both sides show (an article's stations, a station's articles)
CREATE FUNCTION log_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  aid bigint;
  sid bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    aid := OLD.article_id; sid := OLD.station_id;
  ELSE
    aid := NEW.article_id; sid := NEW.station_id;
  END IF;
  INSERT INTO change_log (entity, entity_id, op) VALUES ('article', aid, 'upsert');
  INSERT INTO change_log (entity, entity_id, op) VALUES ('station', sid, 'upsert');
  PERFORM pg_notify('content_changes', '');
  RETURN NULL;
END $$;

CREATE TRIGGER article_stations_change AFTER INSERT OR DELETE ON article_stations
  FOR EACH ROW EXECUTE FUNCTION log_link_change();
