-- Contributors submit drafts for review (in_review); an editor publishes or sends back with a note.
-- Who created an article decides whose draft it is: contributors may edit their own drafts only.
ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
  CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished'));
ALTER TABLE articles ADD COLUMN created_by bigint REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN review_note text NOT NULL DEFAULT '' CHECK (length(review_note) <= 2000);
CREATE INDEX articles_in_review_idx ON articles (updated_at) WHERE status = 'in_review';
