-- "Related articles" looks only at real (non-synthetic) published articles, newest first. Without this index,
-- an archive holding many synthetic rows (benchmarks) made every article page read the whole table.
CREATE INDEX articles_real_public_idx ON articles (published_at DESC, id DESC)
  WHERE status = 'published' AND origin <> 'synthetic';

-- The home page counts open stations by kind on every request: an index-only scan instead of reading the table.
CREATE INDEX stations_kind_open_idx ON stations (kind) WHERE status <> 'closed';
