package dev.driftdeck.store;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.risk.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans in the database. A scan is written in one transaction, so readers see it whole or not at all:
 * a failure (or a crash) mid-save leaves the previous scan as the latest.
 */
public final class ScanRepository {

    private static final Logger log = LoggerFactory.getLogger(ScanRepository.class);

    /** The channel a stored scan's id is announced on (PostgreSQL only). */
    public static final String SCAN_CHANNEL = "driftdeck";

    private final Database db;

    public ScanRepository(Database db) {
        this.db = db;
    }

    /** Stores the report whole and returns its id; on any failure nothing of it is stored. */
    public long save(ScanReport report) {
        long started = System.nanoTime();
        try {
            long scanId = db.inLeaderTransaction(connection -> {
                long id = ScanWriter.insert(connection, report);
                if (db.shared()) {
                    notifyStored(connection, id);
                }
                return id;
            });
            log.info("Stored scan {} ({} findings) in {} ms", scanId, report.findings().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return scanId;
        } catch (LeaderFencedException e) {
            throw new DatabaseException("The scan started at " + report.startedAt() + " was not stored: "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            if (StorageFailures.diskFull(e)) {
                throw new DatabaseException("Storing the scan started at " + report.startedAt() + " in " + db.location()
                        + " failed, nothing of it was kept: the disk holding the database is full. Free some space,"
                        + " then restart Driftdeck; the scans stored before are intact.", e);
            }
            if (db.readOnly()) {
                throw new DatabaseException("Storing the scan started at " + report.startedAt() + " in " + db.location()
                        + " failed, nothing of it was kept: the database is read-only (read-only disk or mount,"
                        + " or a file this user cannot write).", e);
            }
            throw new DatabaseException("Storing the scan started at " + report.startedAt() + " in " + db.location()
                    + " failed, nothing of it was kept: " + e.getMessage(), e);
        }
    }

    /**
     * {@code NOTIFY driftdeck, '<scan id>'} inside the scan's transaction: PostgreSQL delivers it at commit only, so a
     * listening console never re-reads a scan that is not there yet. A hint: a listener that was disconnected misses
     * it, which is why consoles poll as well (DECISIONS "One scheduler per database").
     */
    private static void notifyStored(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + SCAN_CHANNEL + "', ?)")) {
            notify.setString(1, Long.toString(scanId));
            notify.execute();
        }
    }

    /** The most recent scan (by start time, then id), whole. */
    public Optional<StoredScan> latest() {
        Optional<Long> id = query("finding the latest scan", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM scans ORDER BY started_at DESC, id DESC LIMIT 1");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        });
        return id.flatMap(scanId -> load(scanId).map(report -> new StoredScan(scanId, report)));
    }

    /** The scan with this id, round-tripped exactly, or empty when there is none. */
    public Optional<ScanReport> load(long scanId) {
        return query("loading scan " + scanId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT started_at, finished_at, accounts, regions FROM scans WHERE id = ?")) {
                select.setLong(1, scanId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String where = "scan " + scanId;
                    return Optional.of(new ScanReport(
                            Columns.getInstant(row, "started_at"),
                            Columns.getInstant(row, "finished_at"),
                            sources(connection, scanId),
                            findings(connection, scanId),
                            alerts(connection, scanId),
                            apiCalls(connection, scanId),
                            Columns.fromJson(row.getString("accounts"), where + " accounts"),
                            Columns.fromJson(row.getString("regions"), where + " regions")));
                }
            }
        });
    }

    /** The newest scans first, without their findings. */
    public List<ScanSummary> recent(int limit) {
        return query("listing recent scans", connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, started_at, finished_at, outcome, in_sync_count, changed_count, missing_count,
                           unmanaged_count, ignored_count, not_checked_count, alert_count
                    FROM scans ORDER BY started_at DESC, id DESC LIMIT ?""")) {
                select.setInt(1, limit);
                List<ScanSummary> summaries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Map<FindingStatus, Long> counts = new EnumMap<>(FindingStatus.class);
                        counts.put(FindingStatus.IN_SYNC, row.getLong("in_sync_count"));
                        counts.put(FindingStatus.CHANGED, row.getLong("changed_count"));
                        counts.put(FindingStatus.MISSING, row.getLong("missing_count"));
                        counts.put(FindingStatus.UNMANAGED, row.getLong("unmanaged_count"));
                        counts.put(FindingStatus.IGNORED, row.getLong("ignored_count"));
                        counts.put(FindingStatus.NOT_CHECKED, row.getLong("not_checked_count"));
                        summaries.add(new ScanSummary(row.getLong("id"), Columns.getInstant(row, "started_at"),
                                Columns.getInstant(row, "finished_at"), ScanOutcome.valueOf(row.getString("outcome")),
                                counts, row.getInt("alert_count"), Map.of()));
                    }
                }
                return withDriftBySeverity(connection, summaries);
            }
        });
    }

    /**
     * The summaries with their drift per severity, for a trend filtered by severity: one grouped read over the
     * (scan_id, severity) index, which holds drift only (severity is null for every other finding and for scans
     * stored before V6, which therefore count nothing here).
     */
    private static List<ScanSummary> withDriftBySeverity(Connection connection, List<ScanSummary> summaries)
            throws SQLException {
        if (summaries.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Severity, Long>> byScan = new HashMap<>();
        String placeholders = String.join(", ", Collections.nCopies(summaries.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT scan_id, severity, COUNT(*) AS n FROM findings WHERE scan_id IN (" + placeholders + ")"
                        + " AND severity IS NOT NULL AND status IN ('CHANGED', 'MISSING', 'UNMANAGED')"
                        + " GROUP BY scan_id, severity")) {
            for (int i = 0; i < summaries.size(); i++) {
                select.setLong(i + 1, summaries.get(i).id());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byScan.computeIfAbsent(row.getLong("scan_id"), id -> new EnumMap<>(Severity.class))
                            .put(Severity.valueOf(row.getString("severity")), row.getLong("n"));
                }
            }
        }
        return summaries.stream().map(s -> new ScanSummary(s.id(), s.startedAt(), s.finishedAt(), s.outcome(),
                s.counts(), s.alerts(), byScan.getOrDefault(s.id(), Map.of()))).toList();
    }

    /**
     * "First seen" and "drifted since" of every finding of a scan, keyed by (type, id); empty for an unknown scan.
     * One indexed read, no history walk: the ages were computed when the scan was saved.
     */
    /**
     * What the newest stored scan said about each resource, where a lookup of who changed it starts; empty when no
     * scan is stored.
     */
    public Map<ResourceKey, PriorFinding> priorFindings() {
        return query("reading the newest scan's findings", connection -> Map.copyOf(FindingAges.priorFindings(connection)));
    }

    public Map<ResourceKey, FindingAge> findingAges(long scanId) {
        return query("reading finding ages of scan " + scanId, connection -> Map.copyOf(FindingAges.of(connection, scanId)));
    }

    /**
     * Retention: deletes scans started before {@code olderThan} and any beyond the newest {@code maxCount},
     * with their findings, diffs and alerts. The latest scan is always kept.
     *
     * @return how many scans were deleted
     */
    public int prune(Instant olderThan, int maxCount) {
        return leaderWrite("pruning scans", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM scans WHERE id IN (
                        SELECT id FROM (SELECT id, started_at,
                                               ROW_NUMBER() OVER (ORDER BY started_at DESC, id DESC) AS newest
                                        FROM scans) AS ranked
                        WHERE newest > 1 AND (started_at < ? OR newest > ?))""")) {
                Columns.setInstant(delete, 1, olderThan);
                delete.setInt(2, Math.max(1, maxCount));
                int deleted = delete.executeUpdate();
                if (deleted > 0) {
                    log.info("Pruned {} scan(s) older than {} or beyond the newest {}", deleted, olderThan, maxCount);
                }
                return deleted;
            }
        });
    }

    private static List<SourceSummary> sources(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT uri, serial, lineage, resource_count, error FROM scan_sources WHERE scan_id = ? ORDER BY seq")) {
            select.setLong(1, scanId);
            List<SourceSummary> sources = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sources.add(new SourceSummary(row.getString("uri"), Columns.getLong(row, "serial"),
                            row.getString("lineage"), row.getInt("resource_count"), row.getString("error")));
                }
            }
            return sources;
        }
    }

    /** Findings and their diffs come from two ordered scans merged in step, not one query per finding. */
    private static List<Finding> findings(Connection connection, long scanId) throws SQLException {
        Map<Integer, List<AttributeDiff>> diffs = diffs(connection, scanId);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, status, type, resource_id, address, account, region, source, note, not_in_state,
                       severity, risks, import_id, import_refusal, import_name, changed_by
                FROM findings WHERE scan_id = ? ORDER BY seq""")) {
            select.setLong(1, scanId);
            List<Finding> findings = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String notInState = row.getString("not_in_state");
                    Finding finding = new Finding(FindingStatus.valueOf(row.getString("status")), row.getString("type"),
                            row.getString("resource_id"), row.getString("address"), row.getString("account"),
                            row.getString("region"), row.getString("source"),
                            diffs.getOrDefault(row.getInt("seq"), List.of()), row.getString("note"),
                            notInState == null ? List.of()
                                    : Columns.fromJson(notInState, "scan " + scanId + " finding not_in_state"));
                    String severity = row.getString("severity");
                    // a scan stored before V6 has no severity: the finding keeps the default for its status and type
                    Finding graded = severity == null ? finding : new Finding(finding.status(), finding.type(),
                            finding.id(), finding.address(), finding.account(), finding.region(), finding.source(),
                            finding.diffs(), finding.note(), finding.notInState(), Severity.valueOf(severity),
                            RiskColumns.fromJson(row.getString("risks"), "scan " + scanId + " finding risks"));
                    findings.add(graded.withImportTarget(importTarget(row))
                            .withChangedBy(ChangedByColumn.fromJson(row.getString("changed_by"),
                                    "scan " + scanId + " finding changed_by")));
                }
            }
            return findings;
        }
    }

    /** Null for a finding that has none, and on scans stored before V12. */
    private static ImportTarget importTarget(ResultSet row) throws SQLException {
        String id = row.getString("import_id");
        String refusal = row.getString("import_refusal");
        return id == null && refusal == null ? null : new ImportTarget(id, row.getString("import_name"), refusal);
    }

    private static Map<Integer, List<AttributeDiff>> diffs(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT finding_seq, path, expected, actual, kind FROM finding_diffs
                WHERE scan_id = ? ORDER BY finding_seq, seq""")) {
            select.setLong(1, scanId);
            Map<Integer, List<AttributeDiff>> diffs = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    diffs.computeIfAbsent(row.getInt("finding_seq"), seq -> new ArrayList<>())
                            .add(new AttributeDiff(Columns.fromJson(row.getString("path"), "scan " + scanId + " diff path"),
                                    row.getString("expected"), row.getString("actual"),
                                    DiffKind.valueOf(row.getString("kind"))));
                }
            }
            return diffs;
        }
    }

    private static List<Alert> alerts(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT type, account, region, message, iam_action FROM alerts WHERE scan_id = ? ORDER BY seq")) {
            select.setLong(1, scanId);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    alerts.add(new Alert(row.getString("type"), row.getString("account"), row.getString("region"),
                            row.getString("message"), row.getString("iam_action")));
                }
            }
            return alerts;
        }
    }

    private static Map<String, Long> apiCalls(Connection connection, long scanId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT service, calls FROM scan_api_calls WHERE scan_id = ?")) {
            select.setLong(1, scanId);
            Map<String, Long> calls = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    calls.put(row.getString("service"), row.getLong("calls"));
                }
            }
            return calls;
        }
    }

    private <T> T query(String what, SqlWork<T> work) {
        try (Connection connection = db.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(what + " in " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    /** A write of the scheduled jobs (pruning): fenced like {@link #save}, so a deposed leader deletes nothing. */
    private <T> T leaderWrite(String what, Database.SqlWork<T> work) {
        try {
            return db.inLeaderTransaction(work);
        } catch (SQLException e) {
            throw new DatabaseException(what + " in " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
