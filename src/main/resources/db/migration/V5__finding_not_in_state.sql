-- Idempotent, as V4: H2 commits DDL one statement at a time, so a killed migration is run again whole.
-- The compared attributes the state held no value for (JSON array of names, e.g. ["tags"]): they were not
-- compared, and the detail pane says so. Null when every compared attribute was in the state, and on scans
-- stored before V5.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS not_in_state CHARACTER VARYING;
