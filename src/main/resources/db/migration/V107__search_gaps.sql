-- What readers could not find: per China day and folded query, how many searches of the public search page found
-- nothing or little. Aggregate counts only: no address, no session, no time of day; queries shorter than 2
-- characters or with digit runs like phone or ID numbers are never written (search/SearchGaps decides).
CREATE TABLE search_gaps (
  day      date    NOT NULL,
  query    text    NOT NULL CHECK (length(query) BETWEEN 2 AND 40),
  searches integer NOT NULL DEFAULT 1 CHECK (searches > 0),
  -- the most complete matches any of these searches found (0 = nothing, or only partial matches)
  found    integer NOT NULL DEFAULT 0 CHECK (found >= 0),
  PRIMARY KEY (day, query)
);
