-- Portable SQL (H2 and PostgreSQL 15), idempotent as V4 to V6: H2 commits DDL one statement at a time, so a
-- killed migration is run again whole.
-- How Terraform imports an UNMANAGED finding, worked out at scan time (some import ids need live attributes the
-- finding does not keep): the import id, or why Terraform cannot import it (exactly one of the two), and the
-- suggested resource name. Null for every other status, and on scans stored before V12, whose readers fall back
-- to the finding's id.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS import_id CHARACTER VARYING;
ALTER TABLE findings ADD COLUMN IF NOT EXISTS import_refusal CHARACTER VARYING;
ALTER TABLE findings ADD COLUMN IF NOT EXISTS import_name CHARACTER VARYING;
