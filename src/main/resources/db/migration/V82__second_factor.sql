-- Second factor (TOTP, RFC 6238). The secret is needed in clear to compute codes: it is never logged or shown
-- again after enrolment. enabled_at is NULL while an enrolment waits for its first code; last_step is the
-- last accepted 30-second step, so a code is accepted once only.
CREATE TABLE user_totp (
  user_id    bigint PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret     text NOT NULL,
  enabled_at timestamptz,
  last_step  bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- one-time recovery codes, only their SHA-256 (they are random, 80 bits)
CREATE TABLE recovery_codes (
  user_id   bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at   timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- a password accepted, the code still to come: the cookie holds the raw id, the table its SHA-256
CREATE TABLE login_challenges (
  id_hash    text PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
