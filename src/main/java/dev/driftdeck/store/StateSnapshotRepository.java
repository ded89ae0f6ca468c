package dev.driftdeck.store;

import dev.driftdeck.state.LoadedState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * State sources and their snapshots (V3). {@link #record} is what the {@code state-sync} job calls after each check;
 * {@link #linkScan} ties a stored scan to the versions it used; {@link #prune} is the retention the
 * {@code daily-refresh} job calls. All three are leader writes ({@link Database#inLeaderTransaction}): a fenced-out
 * leader's sync or pruning stores nothing. Only metadata is stored (serial, lineage, ETag, counts): never a state's content.
 */
public final class StateSnapshotRepository {

    private static final String COLUMNS = "uri, workspace, last_checked_at, last_changed_at, serial, lineage, etag, "
            + "version_id, resource_count, error";

    private final Database db;

    public StateSnapshotRepository(Database db) {
        this.db = db;
    }

    /**
     * Records one check of every configured source, in one transaction: each object's status is updated; a new
     * version (serial, lineage or ETag differ from the last one seen) or a new error becomes a snapshot; objects no
     * longer configured leave the status list (their snapshots stay for history until pruned).
     *
     * @return the uris of objects already known that have a new version: a drift scan is due for them
     */
    public List<String> record(List<LoadedState> checked, Instant now) {
        try {
            return db.inLeaderTransaction(connection -> {
                Map<String, StateSourceStatus> before = new HashMap<>();
                for (StateSourceStatus status : sources(connection)) {
                    before.put(status.uri(), status);
                }
                List<String> changed = new ArrayList<>();
                try (PreparedStatement clear = connection.prepareStatement("DELETE FROM state_sources")) {
                    clear.executeUpdate();
                }
                for (LoadedState loaded : checked) {
                    StateSourceStatus previous = before.get(loaded.uri());
                    StateSourceStatus current = status(loaded, previous, now);
                    boolean firstSeen = previous == null;
                    boolean newVersion = loaded instanceof LoadedState.Loaded && (firstSeen
                            || !Objects.equals(previous.serial(), current.serial())
                            || !Objects.equals(previous.lineage(), current.lineage())
                            || !Objects.equals(previous.etag(), current.etag()));
                    boolean newError = loaded instanceof LoadedState.Failed
                            && (previous == null || !Objects.equals(previous.error(), current.error()));
                    // A source seen for the first time is the baseline, not a change: the operator who just
                    // added it scans with "Scan now", as after a fresh install (docs/DECISIONS.md).
                    if (newVersion && !firstSeen) {
                        changed.add(loaded.uri());
                    }
                    if (newVersion || newError) {
                        insertSnapshot(connection, current, now);
                    }
                    upsert(connection, db.dialect(), newVersion ? withChange(current, now) : current);
                }
                return changed;
            });
        } catch (SQLException e) {
            throw new DatabaseException("Recording the state sync in " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    /** Every source object of the last sync, in uri order. */
    public List<StateSourceStatus> sources() {
        try (Connection connection = db.connection()) {
            return sources(connection);
        } catch (SQLException e) {
            throw new DatabaseException("Reading the state sources from " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Links a stored scan to the snapshots of the state versions it read (by uri, serial and lineage, as the scan's
     * source list names them); a version the sync never saw (the scan read it first) becomes a snapshot here.
     */
    public void linkScan(long scanId, Instant now) {
        try {
            db.inLeaderTransaction(connection -> {
                try (PreparedStatement missing = connection.prepareStatement("""
                    INSERT INTO state_snapshots (uri, recorded_at, serial, lineage, resource_count)
                    SELECT s.uri, ?, s.serial, s.lineage, s.resource_count FROM scan_sources s
                    WHERE s.scan_id = ? AND s.error IS NULL AND NOT EXISTS (SELECT 1 FROM state_snapshots n
                        WHERE n.uri = s.uri AND n.serial = s.serial AND n.lineage IS NOT DISTINCT FROM s.lineage)""");
                 PreparedStatement link = connection.prepareStatement("""
                    INSERT INTO scan_state_snapshots (scan_id, snapshot_id)
                    SELECT DISTINCT s.scan_id, (SELECT MAX(n.id) FROM state_snapshots n WHERE n.uri = s.uri
                        AND n.serial = s.serial AND n.lineage IS NOT DISTINCT FROM s.lineage)
                    FROM scan_sources s WHERE s.scan_id = ? AND s.error IS NULL""")) {
                    Columns.setInstant(missing, 1, now);
                    missing.setLong(2, scanId);
                    missing.executeUpdate();
                    link.setLong(1, scanId);
                    return link.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Linking scan " + scanId + " to its state snapshots in " + db.location()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Retention: deletes snapshots recorded before {@code cutoff} that no kept scan used and that are not the newest
     * of their object. Call it after pruning scans, so the snapshots of pruned scans go too.
     *
     * @return how many snapshots were deleted
     */
    public int prune(Instant cutoff) {
        try {
            return db.inLeaderTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM state_snapshots n WHERE n.recorded_at < ?
                          AND NOT EXISTS (SELECT 1 FROM scan_state_snapshots l WHERE l.snapshot_id = n.id)
                          AND n.id <> (SELECT MAX(m.id) FROM state_snapshots m WHERE m.uri = n.uri)""")) {
                    Columns.setInstant(delete, 1, cutoff);
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Pruning state snapshots in " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    /** The snapshots of one object, newest first (history, tests). */
    public List<StateSourceStatus> snapshots(String uri) {
        List<StateSourceStatus> result = new ArrayList<>();
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("SELECT uri, workspace, recorded_at, serial, "
                     + "lineage, etag, version_id, resource_count, error FROM state_snapshots WHERE uri = ? "
                     + "ORDER BY id DESC")) {
            select.setString(1, uri);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Instant recorded = Columns.getInstant(row, "recorded_at");
                    result.add(new StateSourceStatus(row.getString("uri"), row.getString("workspace"), recorded,
                            recorded, Columns.getLong(row, "serial"), row.getString("lineage"), row.getString("etag"),
                            row.getString("version_id"), row.getInt("resource_count"), row.getString("error")));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading the snapshots of " + uri + " from " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
        return result;
    }

    private static StateSourceStatus status(LoadedState loaded, StateSourceStatus previous, Instant now) {
        Instant lastChanged = previous == null ? null : previous.lastChanged();
        return switch (loaded) {
            case LoadedState.Loaded ok -> new StateSourceStatus(ok.uri(), ok.workspace(), now, lastChanged,
                    ok.snapshot().serial(), ok.snapshot().lineage(), ok.version().etag(), ok.version().versionId(),
                    ok.snapshot().resources().size(), null);
            // A failed check keeps what was known of the last good version, so the view still shows its serial.
            case LoadedState.Failed failed -> previous == null
                    ? new StateSourceStatus(failed.uri(), failed.workspace(), now, null, null, null, null, null, 0,
                            failed.message())
                    : new StateSourceStatus(failed.uri(), failed.workspace(), now, lastChanged, previous.serial(),
                            previous.lineage(), previous.etag(), previous.versionId(), previous.resourceCount(),
                            failed.message());
        };
    }

    private static StateSourceStatus withChange(StateSourceStatus s, Instant now) {
        return new StateSourceStatus(s.uri(), s.workspace(), s.lastChecked(), now, s.serial(), s.lineage(), s.etag(),
                s.versionId(), s.resourceCount(), s.error());
    }

    private static void insertSnapshot(Connection connection, StateSourceStatus s, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO state_snapshots (uri, recorded_at, "
                + "serial, lineage, etag, version_id, resource_count, workspace, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.uri());
            Columns.setInstant(insert, 2, now);
            Columns.setLong(insert, 3, s.error() == null ? s.serial() : null);
            insert.setString(4, s.error() == null ? s.lineage() : null);
            insert.setString(5, s.error() == null ? s.etag() : null);
            insert.setString(6, s.error() == null ? s.versionId() : null);
            insert.setInt(7, s.error() == null ? s.resourceCount() : 0);
            insert.setString(8, s.workspace());
            insert.setString(9, s.error());
            insert.executeUpdate();
        }
    }

    private static void upsert(Connection connection, Dialect dialect, StateSourceStatus s) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                dialect.upsert("state_sources", "uri", COLUMNS.split(", ")))) {
            merge.setString(1, s.uri());
            merge.setString(2, s.workspace());
            Columns.setInstant(merge, 3, s.lastChecked());
            Columns.setInstant(merge, 4, s.lastChanged());
            Columns.setLong(merge, 5, s.serial());
            merge.setString(6, s.lineage());
            merge.setString(7, s.etag());
            merge.setString(8, s.versionId());
            merge.setInt(9, s.resourceCount());
            merge.setString(10, s.error());
            merge.executeUpdate();
        }
    }

    private static List<StateSourceStatus> sources(Connection connection) throws SQLException {
        List<StateSourceStatus> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM state_sources ORDER BY uri");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                result.add(new StateSourceStatus(row.getString("uri"), row.getString("workspace"),
                        Columns.getInstant(row, "last_checked_at"), Columns.getInstant(row, "last_changed_at"),
                        Columns.getLong(row, "serial"), row.getString("lineage"), row.getString("etag"),
                        row.getString("version_id"), row.getInt("resource_count"), row.getString("error")));
            }
        }
        return result;
    }
}
