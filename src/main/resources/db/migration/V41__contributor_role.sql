-- Contributors write and revise drafts; only editors and admins publish, schedule, unpublish and keep station records.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('editor', 'admin', 'contributor'));
