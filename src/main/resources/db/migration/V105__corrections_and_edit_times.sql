-- Real timestamps: when the desk last changed what the public reads (NULL = never since publication/import).
-- updated_at stays the row's technical change time (imports, status flips); readers see edited_at, else
-- published_at for articles and verified_at for stations.
ALTER TABLE articles ADD COLUMN edited_at timestamptz;
ALTER TABLE stations ADD COLUMN edited_at timestamptz;

-- Dated notes an editor adds when changing a published article: 更正 (correction) or 更新 (update).
CREATE TABLE article_corrections (
  id         bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('correction', 'update')),
  note       text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 500),
  noted_at   timestamptz NOT NULL DEFAULT now(),
  noted_by   text NOT NULL
);
CREATE INDEX article_corrections_article_idx ON article_corrections (article_id, noted_at);
