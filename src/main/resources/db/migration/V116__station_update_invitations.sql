-- Station self-update invitations: an editor sends one station a signed link (14 days, revocable); the station's
-- staff propose changes through it; nothing changes until an editor accepts or rejects each field.
CREATE TABLE station_update_secret (
  id         smallint PRIMARY KEY CHECK (id = 1),
  secret     bytea NOT NULL CHECK (length(secret) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO station_update_secret (id, secret)
VALUES (1, decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));

CREATE TABLE station_update_invitations (
  id         bigserial PRIMARY KEY,
  station_id bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by text
);
CREATE INDEX station_update_invitations_station_idx ON station_update_invitations (station_id);

CREATE TABLE station_update_proposals (
  id              bigserial PRIMARY KEY,
  invitation_id   bigint NOT NULL REFERENCES station_update_invitations (id) ON DELETE CASCADE,
  station_id      bigint NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  -- the station's version the staff saw
  station_version integer NOT NULL,
  proposer_name   text NOT NULL CHECK (length(btrim(proposer_name)) BETWEEN 1 AND 60),
  proposer_role   text NOT NULL CHECK (length(btrim(proposer_role)) BETWEEN 1 AND 60),
  -- {"phone": {"old": "…", "new": "…"}, …}: only the fields the staff changed
  changes         jsonb NOT NULL,
  note            text NOT NULL DEFAULT '',
  -- a digest of the sender's address, for the rate limit only
  client_key      text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reviewed')),
  -- {"phone": "accepted", "address": "rejected", …}
  decisions       jsonb,
  reviewed_by     text,
  reviewed_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_update_proposals_pending_idx ON station_update_proposals (created_at) WHERE status = 'pending';
CREATE INDEX station_update_proposals_client_idx ON station_update_proposals (client_key, created_at);
CREATE INDEX station_update_proposals_invitation_idx ON station_update_proposals (invitation_id, created_at);
