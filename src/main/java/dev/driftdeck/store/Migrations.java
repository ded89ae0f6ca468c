package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway over the plain SQL files in {@code classpath:db/migration}: one history for H2 and PostgreSQL (the scripts
 * are SQL both accept; see DECISIONS "One store, two databases" for when a vendor folder would be needed).
 */
public final class Migrations {

    private static final Pattern CHECKSUM_VERSION = Pattern.compile("checksum mismatch for migration version (\\S+)");

    static final String LOCATION = "classpath:db/migration";
    private static final String HISTORY = "flyway_schema_history";
    /** The tables of V1__baseline.sql, as H2 names them: the only ones an interrupted first migration can leave. */
    private static final java.util.Set<String> BASELINE_TABLES = java.util.Set.of("SCANS", "SCAN_API_CALLS",
            "SCAN_SOURCES", "FINDINGS", "FINDING_DIFFS", "ALERTS", "JOB_RUNS", "JOB_SETTINGS", "SETTINGS");
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies pending migrations, then validates the whole history against the migrations this
     * Driftdeck ships.
     *
     * @throws MigrationException naming the reason: a migration that failed earlier or now, an applied
     *                            migration that was edited (checksum mismatch), or a schema newer than this Driftdeck
     */
    public static MigrationResult migrateAndVerify(Database db) {
        return migrateAndVerify(db, LOCATION);
    }

    /** Reads where the schema stands without changing anything. */
    public static SchemaInfo info(Database db) {
        return info(db, LOCATION);
    }

    static MigrationResult migrateAndVerify(Database db, String... locations) {
        Flyway flyway = flyway(db, locations);
        refuseNewerOrFailed(db, flyway);
        if (!db.shared()) {
            // H2 commits DDL statement by statement; PostgreSQL runs each migration in one transaction (Flyway's
            // default there), so a migration killed half-way leaves nothing to clear on PostgreSQL.
            clearInterruptedFirstMigration(db);
            dropCopiesOfInterruptedAlters(db);
        }
        MigrateResult migrated;
        try {
            migrated = flyway.migrate();
        } catch (FlywayException e) {
            throw new MigrationException(describeFailure(db, e.getMessage()), e);
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            throw new MigrationException(describeFailure(db, validation.getAllErrorMessages()));
        }
        MigrationResult result = new MigrationResult(
                migrated.initialSchemaVersion, currentVersion(flyway), migrated.migrationsExecuted);
        log.info("Database {} at schema version {} ({} migration(s) applied)", db.location(), result.currentVersion(),
                result.applied());
        return result;
    }

    static SchemaInfo info(Database db, String... locations) {
        Flyway flyway = flyway(db, locations);
        MigrationInfo[] all = flyway.info().all();
        String latestKnown = Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse(null);
        int pending = (int) Arrays.stream(all).filter(m -> m.getState() == MigrationState.PENDING).count();
        boolean failed = Arrays.stream(all).anyMatch(m -> m.getState().isFailed());
        boolean newer = Arrays.stream(all).anyMatch(Migrations::isFuture);
        return new SchemaInfo(currentVersion(flyway), latestKnown, pending, failed, newer);
    }

    private static Flyway flyway(Database db, String... locations) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(locations)
                .cleanDisabled(true)
                .load();
    }

    /**
     * Flyway ignores "future" migrations by default, and a failed one only surfaces as a generic
     * validation error; both deserve their own words before anything is changed.
     */
    private static void refuseNewerOrFailed(Database db, Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> future = Arrays.stream(all).filter(Migrations::isFuture).toList();
        if (!future.isEmpty()) {
            throw new MigrationException("The database " + db.location() + " has schema version "
                    + future.getLast().getVersion() + ", newer than this Driftdeck knows ("
                    + knownVersions(all) + "). It was written by a newer Driftdeck: upgrade Driftdeck,"
                    + " or start this one " + elsewhere(db) + ".");
        }
        for (MigrationInfo m : all) {
            if (m.getState().isFailed()) {
                throw new MigrationException("The database " + db.location() + ": migration " + m.getVersion()
                        + " (" + m.getDescription() + ") failed earlier and left the schema half-changed."
                        + " " + restoreOrElsewhere(db));
            }
        }
    }

    /**
     * H2 commits each DDL statement on its own, so a first migration killed half-way leaves some baseline tables and
     * no successful history row; Flyway would then fail on "table already exists" forever. When nothing was ever
     * migrated successfully and every table is empty (no scan can be stored before a successful migration), the
     * leftovers are dropped and the migration starts over. Anything else is left alone and reported as a failure.
     */
    private static void clearInterruptedFirstMigration(Database db) {
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            List<String> tables = publicTables(sql);
            List<String> own = tables.stream().filter(t -> !t.equals(HISTORY)).toList();
            if (own.isEmpty()) {
                return;
            }
            // Flyway's own marker row (no version) says the history table was created, not that anything migrated.
            if (tables.contains(HISTORY) && hasRows(sql, "SELECT 1 FROM \"" + HISTORY
                    + "\" WHERE \"success\" AND \"version\" IS NOT NULL LIMIT 1")) {
                return;
            }
            if (!BASELINE_TABLES.containsAll(own)) {
                return; // not (only) ours: never drop what this Driftdeck did not create
            }
            for (String table : own) {
                if (hasRows(sql, "SELECT 1 FROM \"" + table.replace("\"", "\"\"") + "\" LIMIT 1")) {
                    return;
                }
            }
            log.warn("Database {}: a first migration was interrupted (tables {} exist, empty, with no successful"
                    + " migration recorded); dropping them and migrating again", db.location(), own);
            for (String table : own) {
                sql.execute("DROP TABLE IF EXISTS \"" + table + "\" CASCADE");
            }
            sql.execute("DROP TABLE IF EXISTS \"" + HISTORY + "\"");
        } catch (SQLException e) {
            throw new MigrationException("Checking the database " + db.location() + " for an interrupted migration failed: "
                    + e.getMessage() + " Restore a backup of the database file, or start Driftdeck with another"
                    + " --data-dir.", e);
        }
    }

    /** H2's name for the copy it makes of a table while altering it: {@code <TABLE>_COPY_<session>_<n>}. */
    private static final Pattern ALTER_COPY = Pattern.compile("(.+)_COPY_\\d+_\\d+");

    /**
     * H2 adds a column by copying the table into {@code <TABLE>_COPY_<session>_<n>} and swapping it in. A process killed
     * inside such an {@code ALTER} (V2, V4) leaves the copy behind: the migration runs again on the next start (its
     * statements are idempotent) but the copy stays, a second copy of every finding. Found by
     * {@code CrashRecoveryTest}: {@code FINDINGS_COPY_5_4}. The copy is dropped only while its table exists, so the
     * original rows are never at stake; a copy whose table is gone is left alone and logged.
     */
    private static void dropCopiesOfInterruptedAlters(Database db) {
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            List<String> tables = publicTables(sql);
            for (String table : tables) {
                Matcher copy = ALTER_COPY.matcher(table);
                if (!copy.matches()) {
                    continue;
                }
                if (tables.contains(copy.group(1))) {
                    log.warn("Database {}: dropping {}, the copy H2 left behind when a change to table {} was"
                            + " interrupted (the table itself is intact)", db.location(), table, copy.group(1));
                    sql.execute("DROP TABLE \"" + table.replace("\"", "\"\"") + "\" CASCADE");
                } else {
                    log.warn("Database {}: table {} looks like a copy H2 left behind while changing table {}, which"
                            + " does not exist; left as it is", db.location(), table, copy.group(1));
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Checking the database " + db.location() + " for an interrupted table change"
                    + " failed: " + e.getMessage() + " Restore a backup of the database file, or start Driftdeck"
                    + " with another --data-dir.", e);
        }
    }

    private static List<String> publicTables(Statement sql) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static boolean hasRows(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next();
        }
    }

    private static String describeFailure(Database db, String flywayMessage) {
        String message = flywayMessage == null ? "unknown Flyway error" : flywayMessage.strip();
        // Flyway's own text (several lines, with links) goes to the log; the operator gets one sentence.
        if (message.toLowerCase().contains("checksum mismatch")) {
            Matcher version = CHECKSUM_VERSION.matcher(message);
            return "The database " + db.location() + " was migrated with a different migration version "
                    + (version.find() ? version.group(1) : "(unknown)") + " than this Driftdeck ships (checksum mismatch)."
                    + " Applied migrations must never be edited; restore the original migration file,"
                    + " or start Driftdeck " + elsewhere(db) + ".";
        }
        return "Migrating the database " + db.location() + " failed: " + message.lines().findFirst().orElse(message)
                + " " + restoreOrElsewhere(db);
    }

    /** Where else Driftdeck can be pointed: another data directory for H2, another database URL for PostgreSQL. */
    private static String elsewhere(Database db) {
        return db.shared() ? "with another --db URL" : "with another --data-dir";
    }

    private static String restoreOrElsewhere(Database db) {
        return "Restore a backup of the database" + (db.shared() ? "" : " file") + ", or start Driftdeck "
                + elsewhere(db) + ".";
    }

    private static boolean isFuture(MigrationInfo m) {
        return m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
    }

    private static String knownVersions(MigrationInfo[] all) {
        return Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .reduce((a, b) -> b)
                .map(v -> "up to " + v)
                .orElse("no migrations");
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }
}
