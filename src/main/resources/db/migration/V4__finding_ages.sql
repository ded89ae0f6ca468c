-- Every statement is idempotent: H2 commits DDL one statement at a time, so a process killed inside this
-- migration leaves part of it applied and unrecorded, and the next start runs the whole script again.
-- "First seen" and "drifted since" per finding, computed when the scan is saved by carrying the previous
-- scan's values forward (so retention pruning never loses them). Null on scans stored before V4: readers
-- fall back to the scan's own start time.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS first_seen TIMESTAMP(9) WITH TIME ZONE;
ALTER TABLE findings ADD COLUMN IF NOT EXISTS drifted_since TIMESTAMP(9) WITH TIME ZONE;
