-- Who confirmed a station's record and how (the date stays in verified_at). Empty: not said (older confirmations).
ALTER TABLE stations
  ADD COLUMN verified_by  text NOT NULL DEFAULT '',
  ADD COLUMN verified_how text NOT NULL DEFAULT '' CHECK (verified_how IN ('', 'phone', 'visit', 'station_update'));

-- How often each station page was viewed, per China day, in aggregate only: no address, no session, no time of day.
CREATE TABLE station_page_views (
  station_id bigint  NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  day        date    NOT NULL,
  views      integer NOT NULL DEFAULT 0 CHECK (views >= 0),
  PRIMARY KEY (station_id, day)
);
