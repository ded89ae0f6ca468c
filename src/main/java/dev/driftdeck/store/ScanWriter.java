package dev.driftdeck.store;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Inserts one report's rows on a connection whose transaction the caller owns. */
final class ScanWriter {

    /** Rows per executeBatch: large enough to amortise the call, small enough to bound memory. */
    private static final int BATCH = 5_000;

    private ScanWriter() {
    }

    static long insert(Connection connection, ScanReport report) throws SQLException {
        // Before the new scan row exists, so "the newest scan" is still the previous one.
        List<FindingAge> ages = FindingAges.forNewScan(connection, report.findings(), report.startedAt());
        long scanId = insertScan(connection, report);
        insertApiCalls(connection, scanId, report.apiCalls());
        insertSources(connection, scanId, report.sources());
        insertFindings(connection, scanId, report.findings(), ages);
        insertAlerts(connection, scanId, report.alerts());
        return scanId;
    }

    private static long insertScan(Connection connection, ScanReport report) throws SQLException {
        String sql = """
                INSERT INTO scans (started_at, finished_at, outcome, in_sync_count, changed_count, missing_count,
                                   unmanaged_count, ignored_count, not_checked_count, alert_count, coverage_percent,
                                   accounts, regions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            Columns.setInstant(insert, 1, report.startedAt());
            Columns.setInstant(insert, 2, report.finishedAt());
            insert.setString(3, ScanOutcome.of(report).name());
            insert.setLong(4, report.count(FindingStatus.IN_SYNC));
            insert.setLong(5, report.count(FindingStatus.CHANGED));
            insert.setLong(6, report.count(FindingStatus.MISSING));
            insert.setLong(7, report.count(FindingStatus.UNMANAGED));
            insert.setLong(8, report.count(FindingStatus.IGNORED));
            insert.setLong(9, report.count(FindingStatus.NOT_CHECKED));
            insert.setInt(10, report.alerts().size());
            insert.setInt(11, report.coverage().percent());
            insert.setString(12, Columns.toJson(report.accounts()));
            insert.setString(13, Columns.toJson(report.regions()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("H2 returned no generated id for the new scan row");
                }
                return keys.getLong(1);
            }
        }
    }

    private static void insertApiCalls(Connection connection, long scanId, Map<String, Long> apiCalls)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO scan_api_calls (scan_id, service, calls) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> entry : apiCalls.entrySet()) {
                insert.setLong(1, scanId);
                insert.setString(2, entry.getKey());
                insert.setLong(3, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertSources(Connection connection, long scanId, List<SourceSummary> sources)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO scan_sources (scan_id, seq, uri, serial, lineage, resource_count, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int seq = 0; seq < sources.size(); seq++) {
                SourceSummary source = sources.get(seq);
                insert.setLong(1, scanId);
                insert.setInt(2, seq);
                insert.setString(3, source.uri());
                Columns.setLong(insert, 4, source.serial());
                insert.setString(5, source.lineage());
                insert.setInt(6, source.resourceCount());
                insert.setString(7, source.error());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertFindings(Connection connection, long scanId, List<Finding> findings, List<FindingAge> ages)
            throws SQLException {
        try (PreparedStatement finding = connection.prepareStatement("""
                INSERT INTO findings (scan_id, seq, status, type, resource_id, address, account, region, source, note,
                                      first_seen, drifted_since, not_in_state, severity, risks, import_id,
                                      import_refusal, import_name, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement diff = connection.prepareStatement("""
                INSERT INTO finding_diffs (scan_id, finding_seq, seq, path, expected, actual, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int pendingFindings = 0;
            int pendingDiffs = 0;
            for (int seq = 0; seq < findings.size(); seq++) {
                Finding f = findings.get(seq);
                finding.setLong(1, scanId);
                finding.setInt(2, seq);
                finding.setString(3, f.status() == null ? null : f.status().name());
                finding.setString(4, f.type());
                finding.setString(5, f.id());
                finding.setString(6, f.address());
                finding.setString(7, f.account());
                finding.setString(8, f.region());
                finding.setString(9, f.source());
                finding.setString(10, f.note());
                Columns.setInstant(finding, 11, ages.get(seq).firstSeen());
                Columns.setInstant(finding, 12, ages.get(seq).driftedSince());
                finding.setString(13, f.notInState().isEmpty() ? null : Columns.toJson(f.notInState()));
                finding.setString(14, RiskColumns.severity(f.severity()));
                finding.setString(15, RiskColumns.toJson(f.risks()));
                ImportTarget target = f.importTarget();
                finding.setString(16, target == null ? null : target.id());
                finding.setString(17, target == null ? null : target.refusal());
                finding.setString(18, target == null ? null : target.name());
                finding.setString(19, ChangedByColumn.toJson(f.changedBy()));
                finding.addBatch();
                pendingFindings++;
                for (int d = 0; d < f.diffs().size(); d++) {
                    AttributeDiff attributeDiff = f.diffs().get(d);
                    diff.setLong(1, scanId);
                    diff.setInt(2, seq);
                    diff.setInt(3, d);
                    diff.setString(4, Columns.toJson(attributeDiff.path()));
                    diff.setString(5, attributeDiff.expected());
                    diff.setString(6, attributeDiff.actual());
                    diff.setString(7, attributeDiff.kind() == null ? null : attributeDiff.kind().name());
                    diff.addBatch();
                    pendingDiffs++;
                }
                if (pendingFindings >= BATCH) {
                    // Findings first: the diffs' foreign key needs their rows.
                    finding.executeBatch();
                    pendingFindings = 0;
                    diff.executeBatch();
                    pendingDiffs = 0;
                }
            }
            if (pendingFindings > 0) {
                finding.executeBatch();
            }
            if (pendingDiffs > 0) {
                diff.executeBatch();
            }
        }
    }

    private static void insertAlerts(Connection connection, long scanId, List<Alert> alerts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO alerts (scan_id, seq, type, account, region, message, iam_action)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int seq = 0; seq < alerts.size(); seq++) {
                Alert alert = alerts.get(seq);
                insert.setLong(1, scanId);
                insert.setInt(2, seq);
                insert.setString(3, alert.type());
                insert.setString(4, alert.account());
                insert.setString(5, alert.region());
                insert.setString(6, alert.message());
                insert.setString(7, alert.iamAction());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
