-- Portable SQL (H2 and PostgreSQL 15), idempotent as V4 and V5: H2 commits DDL one statement at a time, so a
-- killed migration is run again whole.
-- How much the drift matters (CRITICAL, HIGH, MEDIUM, LOW, INFO); null when the finding is no drift (IN_SYNC,
-- IGNORED, NOT_CHECKED) and on scans stored before V6, whose readers fall back to the default by status and type.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS severity VARCHAR(8);
-- The risks the drift introduced or fixed: a JSON array of {rule, severity, title, why, fix, refs, effect}, kept
-- whole so a stored finding reads the same after the catalogue changes. Null when none.
ALTER TABLE findings ADD COLUMN IF NOT EXISTS risks CHARACTER VARYING;
-- History and trends by severity: drift counts per scan and severity.
CREATE INDEX IF NOT EXISTS findings_scan_severity ON findings (scan_id, severity);
