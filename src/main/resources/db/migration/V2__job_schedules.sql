-- Every statement is idempotent: H2 commits DDL one statement at a time, so a process killed inside this
-- migration leaves part of it applied and unrecorded, and the next start runs the whole script again.
-- The schedule an operator chose per job ("every PT15M", "daily 03:30"); null means the job's default.
-- The zone of a daily time is not stored: it is the laptop's zone at the time the job runs.
ALTER TABLE job_settings ADD COLUMN IF NOT EXISTS schedule_spec VARCHAR(64);

-- The run-history view filters by outcome across jobs, newest first.
CREATE INDEX IF NOT EXISTS job_runs_outcome_started ON job_runs (outcome, started_at DESC);
