-- The schedule an operator chose per job ("every PT15M", "daily 03:30"); null means the job's default.
-- The zone of a daily time is not stored: it is the laptop's zone at the time the job runs.
ALTER TABLE job_settings ADD COLUMN schedule_spec VARCHAR(64);

-- The run-history view filters by outcome across jobs, newest first.
CREATE INDEX job_runs_outcome_started ON job_runs (outcome, started_at DESC);
