-- Portable SQL (H2 and PostgreSQL 15), idempotent as V4 to V8: H2 commits DDL one statement at a time, so a killed
-- migration is run again whole.
-- Who changed a drifted resource, from CloudTrail: a JSON object {status, detail, events: [{id, principal, name,
-- event, time, source_ip, user_agent, via}]}, kept whole as the lookup found it. Null when nothing was looked up (no
-- drift) and on scans stored before V10.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS changed_by CHARACTER VARYING;
