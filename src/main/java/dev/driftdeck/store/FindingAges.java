package dev.driftdeck.store;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.ResourceKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "First seen" and "drifted since": computed once per scan at save time from the previous scan's values (one
 * indexed read of its findings, a hash lookup per finding), so showing them for 100,000 findings is a plain read.
 */
final class FindingAges {

    private FindingAges() {
    }

    /** The ages of {@code findings} (same order) for a scan started at {@code scanStart}, inserted after the newest scan. */
    static List<FindingAge> forNewScan(Connection connection, List<Finding> findings, Instant scanStart) throws SQLException {
        Map<ResourceKey, Prior> prior = previousScan(connection);
        List<FindingAge> ages = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Prior before = prior.get(finding.key());
            ages.add(FindingAge.next(before == null ? null : before.status(), before == null ? null : before.age(),
                    finding.status(), scanStart));
        }
        return ages;
    }

    /** Every finding's age in one stored scan; scans stored before V4 fall back to their own start time. */
    static Map<ResourceKey, FindingAge> of(Connection connection, long scanId) throws SQLException {
        Map<ResourceKey, FindingAge> ages = new HashMap<>();
        read(connection, scanId, (key, prior) -> ages.putIfAbsent(key, prior.age()));
        return ages;
    }

    /**
     * The newest scan's findings with, for each drift, the start of the scan before it began (the last one that saw
     * the resource in sync): one extra read per distinct drift start, which are few.
     */
    static Map<ResourceKey, PriorFinding> priorFindings(Connection connection) throws SQLException {
        Map<ResourceKey, PriorFinding> priors = new HashMap<>();
        Map<Instant, Instant> scanBefore = new HashMap<>();
        Instant[] newestStart = new Instant[1];
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, started_at FROM scans ORDER BY started_at DESC, id DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return priors;
            }
            newestStart[0] = Columns.getInstant(row, "started_at");
            read(connection, row.getLong("id"), (key, prior) -> priors.putIfAbsent(key,
                    new PriorFinding(prior.status(), newestStart[0], prior.age().driftedSince(), null)));
        }
        for (Map.Entry<ResourceKey, PriorFinding> entry : priors.entrySet()) {
            Instant drifted = entry.getValue().driftedSince();
            if (drifted != null) {
                if (!scanBefore.containsKey(drifted)) {
                    scanBefore.put(drifted, scanStartedBefore(connection, drifted));
                }
                PriorFinding prior = entry.getValue();
                entry.setValue(new PriorFinding(prior.status(), prior.scanStart(), drifted, scanBefore.get(drifted)));
            }
        }
        return priors;
    }

    private static Instant scanStartedBefore(Connection connection, Instant time) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(started_at) AS started_at FROM scans WHERE started_at < ?")) {
            Columns.setInstant(select, 1, time);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Columns.getInstant(row, "started_at") : null;
            }
        }
    }

    private static Map<ResourceKey, Prior> previousScan(Connection connection) throws SQLException {
        Map<ResourceKey, Prior> prior = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM scans ORDER BY started_at DESC, id DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (row.next()) {
                read(connection, row.getLong(1), prior::putIfAbsent);
            }
        }
        return prior;
    }

    private static void read(Connection connection, long scanId, RowSink sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT f.type, f.resource_id, f.status, f.first_seen, f.drifted_since, s.started_at
                FROM findings f JOIN scans s ON s.id = f.scan_id WHERE f.scan_id = ?""")) {
            select.setLong(1, scanId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    FindingStatus status = FindingStatus.valueOf(row.getString("status"));
                    Instant firstSeen = Columns.getInstant(row, "first_seen");
                    Instant drifted = Columns.getInstant(row, "drifted_since");
                    if (firstSeen == null) {
                        Instant scanStart = Columns.getInstant(row, "started_at");
                        firstSeen = scanStart;
                        drifted = FindingAge.isDrift(status) ? scanStart : null;
                    }
                    sink.accept(new ResourceKey(row.getString("type"), row.getString("resource_id")),
                            new Prior(status, new FindingAge(firstSeen, drifted)));
                }
            }
        }
    }

    private record Prior(FindingStatus status, FindingAge age) {
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResourceKey key, Prior prior);
    }
}
