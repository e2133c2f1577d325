-- Login throttling by reservation: an attempt is counted (attempts + 1) before its password is checked,
-- and the key's next attempt is allowed only from next_at (a growing delay, never a hard lock of an account).
-- The old counters are dropped: they were only transient throttle state.
DROP TABLE login_throttle;
CREATE TABLE login_throttle (
  key      text PRIMARY KEY,
  attempts integer NOT NULL CHECK (attempts >= 0),
  last_at  timestamptz NOT NULL,
  next_at  timestamptz NOT NULL
);
