package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.MigrationResult;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.ShippedMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * SIGKILL (what a power cut or {@code kill -9} does) in the middle of writing a scan and in the middle of a
 * migration: on restart the database opens, the last complete scan is whole, nothing half-written is visible, and
 * the run that was in progress is ABANDONED. The scheduler calls {@code JdbcRunStore.abandonStale} from
 * {@code JobScheduler.start()}; the schedule package's own tests pin that call, this one pins the store after a kill.
 */
// Child JVMs killed mid-write, nothing shared with the other classes: beside the rest of the suite (one of the two
// at a time), never beside the classes that count this JVM's threads (they take PrivateMoto.LOCK for writing).
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("child-jvm-crash-proofs")
@ResourceLock(value = PrivateMoto.LOCK, mode = ResourceAccessMode.READ)
class CrashRecoveryTest {

    private static final int FINDINGS = 150_000;

    @TempDir
    Path dir;

    @Test
    void killedWhileWritingAScanKeepsThePreviousScanWholeAndAbandonsTheRun() throws Exception {
        Path dbPath = dir.resolve("data/driftdeck");
        List<String> printed;
        try (ChildJvm child = ChildJvm.start(CrashChild.class, "save-loop", dbPath.toString(), String.valueOf(FINDINGS))) {
            child.await("RUN ", Duration.ofSeconds(60));
            child.await("SAVED 1 ", Duration.ofSeconds(180));
            child.await("SAVING 2", Duration.ofSeconds(60));
            long secondStarted = System.nanoTime();
            child.await("SAVED 2 ", Duration.ofSeconds(180));
            long secondSave = System.nanoTime() - secondStarted;
            child.await("SAVING 3", Duration.ofSeconds(60));
            // A third of the way through the third save (by the warm second save's duration): inside its transaction.
            Thread.sleep(Duration.ofNanos(secondSave / 3));
            child.kill();
            printed = child.seen();
        }
        assertThat(printed).as("the kill landed before the third save returned")
                .noneMatch(line -> line.startsWith("SAVED 3 "));

        try (Database db = Database.open(dbPath)) {
            MigrationResult schema = Migrations.migrateAndVerify(db);
            assertThat(schema.applied()).isZero();
            ScanRepository scans = new ScanRepository(db);

            List<ScanSummary> recent = scans.recent(10);
            assertThat(recent).as("the two committed scans, nothing of the third").hasSize(2);
            assertThat(scans.load(recent.get(0).id()).orElseThrow()).isEqualTo(ProofReports.scan(2, FINDINGS));
            assertThat(scans.load(recent.get(1).id()).orElseThrow()).isEqualTo(ProofReports.scan(1, FINDINGS));
            assertThat(scans.latest().orElseThrow().id()).isEqualTo(recent.getFirst().id());
            assertNothingHalfWritten(db);

            JdbcRunStore runs = new JdbcRunStore(db);
            assertThat(runs.abandonStale(Instant.now())).isEqualTo(1);
            JobRun run = runs.recentRuns("drift-scan", 5).getFirst();
            assertThat(run.outcome()).isEqualTo(RunOutcome.ABANDONED);
            assertThat(run.error()).isEqualTo("Driftdeck stopped (crash or kill) while this run was in progress");
            assertThat(runs.abandonStale(Instant.now())).as("once only").isZero();
        }
    }

    @Test
    void scanReportedStoredSurvivesAKillTheMomentAfter() throws Exception {
        Path dbPath = dir.resolve("durable/driftdeck");
        try (ChildJvm child = ChildJvm.start(CrashChild.class, "save-once", dbPath.toString())) {
            child.await("SAVED 1 ", Duration.ofSeconds(120));
            child.kill(); // at once: H2's default 500 ms write delay would lose the commit here
        }

        try (Database db = Database.open(dbPath)) {
            ScanRepository scans = new ScanRepository(db);
            assertThat(scans.latest()).as("the scan the child reported stored").isPresent();
            assertThat(scans.load(scans.latest().orElseThrow().id())).hasValue(ProofReports.scan(1, 2_000));
            assertNothingHalfWritten(db);
        }
    }

    @Test
    void killedWhileMigratingAFreshDatabaseNeverLeavesItUnusable() throws Exception {
        // Calibrate: how long a fresh migration takes in a child on this machine right now.
        long migration;
        try (ChildJvm child = ChildJvm.start(CrashChild.class, "migrate", dir.resolve("calibrate/driftdeck").toString())) {
            child.await("MIGRATING", Duration.ofSeconds(60));
            long started = System.nanoTime();
            child.await("MIGRATED", Duration.ofSeconds(60));
            migration = System.nanoTime() - started;
        }
        List<String> outcomes = new ArrayList<>();
        int killedMidway = 0;
        for (double fraction : new double[] {0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85}) {
            long delay = (long) (migration * fraction);
            Path dbPath = dir.resolve("migrate-" + fraction + "/driftdeck");
            boolean finished;
            try (ChildJvm child = ChildJvm.start(CrashChild.class, "migrate", dbPath.toString())) {
                child.await("MIGRATING", Duration.ofSeconds(60));
                Thread.sleep(Duration.ofNanos(delay));
                child.kill();
                finished = child.seen().contains("MIGRATED");
            }
            killedMidway += finished ? 0 : 1;
            try (Database db = Database.open(dbPath)) {
                MigrationResult result = Migrations.migrateAndVerify(db);
                outcomes.add("%d ms of %d: %s, reopened applying %d".formatted(delay / 1_000_000, migration / 1_000_000,
                        finished ? "finished before the kill" : "killed mid-way", result.applied()));
                assertThat(result.currentVersion()).isEqualTo(LATEST);
                // Exactly the tables of a fresh database, all usable (the save below): a kill inside V4's ALTER once
                // left H2's copy of the findings table (FINDINGS_COPY_5_4) beside it.
                assertThat(tableNames(db)).as("the schema's tables").containsExactlyInAnyOrderElementsOf(freshTableNames());
                new ScanRepository(db).save(ProofReports.scan(1, 10));
                assertThat(new ScanRepository(db).latest().orElseThrow().id()).isEqualTo(1);
            }
        }
        System.out.println("Kill during migration: " + outcomes);
        assertThat(killedMidway).as("most kills landed inside the migration: " + outcomes).isGreaterThanOrEqualTo(2);
    }

    /**
     * H2 commits DDL statement by statement, so a kill inside the first migration can leave some baseline tables and
     * no successful history row (the timed kills above land there only sometimes): made here exactly.
     */
    @Test
    void firstMigrationInterruptedHalfWayIsStartedOverWhenNothingWasStored() throws Exception {
        Path dbPath = dir.resolve("half/driftdeck");
        leaveAHalfAppliedFirstMigration(dbPath);

        try (Database db = Database.open(dbPath)) {
            MigrationResult result = Migrations.migrateAndVerify(db);
            assertThat(result.currentVersion()).isEqualTo(LATEST);
            assertThat(result.applied()).isEqualTo(MIGRATIONS);
            assertThat(tableCount(db)).isEqualTo(tablesOfAFreshDatabase());
        }
    }

    /**
     * A kill inside a later migration leaves its first statements applied and no history row for it: the next start
     * runs the whole script again, which works because every statement after V1 is idempotent.
     */
    @Test
    void laterMigrationsInterruptedAfterTheirDdlRunAgainOnTheNextStart() throws Exception {
        Path dbPath = migratedWithOneScanThen("later/driftdeck",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" <> '1'");

        try (Database db = Database.open(dbPath)) {
            MigrationResult result = Migrations.migrateAndVerify(db);
            assertThat(result.currentVersion()).isEqualTo(LATEST);
            assertThat(result.applied()).isEqualTo(MIGRATIONS - 1);
            assertThat(new ScanRepository(db).latest().orElseThrow().report()).isEqualTo(ProofReports.scan(1, 10));
        }
    }

    /**
     * H2 adds a column by copying the table and swapping the copy in; a kill inside V4's {@code ALTER TABLE findings}
     * left the copy ({@code FINDINGS_COPY_5_4}, seen in the timed kills above) next to the intact table. Made here
     * exactly: the next start drops the copy and keeps every stored scan.
     */
    @Test
    void aTableCopyLeftByAnInterruptedAlterIsDroppedAndTheScansKept() throws Exception {
        Path dbPath = migratedWithOneScanThen("alter-copy/driftdeck", "CREATE TABLE FINDINGS_COPY_5_4 AS SELECT * FROM findings");

        try (Database db = Database.open(dbPath)) {
            Migrations.migrateAndVerify(db);
            assertThat(tableNames(db)).containsExactlyInAnyOrderElementsOf(freshTableNames());
            assertThat(new ScanRepository(db).latest().orElseThrow().report()).isEqualTo(ProofReports.scan(1, 10));
        }
    }

    /** A copy whose table is gone may hold the only rows: it is never dropped. */
    @Test
    void aTableCopyWhoseTableIsGoneIsKept() throws Exception {
        Path dbPath = migratedWithOneScanThen("orphan-copy/driftdeck", "CREATE TABLE NOTES_COPY_3_1 (note VARCHAR(20))",
                "INSERT INTO NOTES_COPY_3_1 VALUES ('keep me')");

        try (Database db = Database.open(dbPath)) {
            Migrations.migrateAndVerify(db);
            assertThat(tableNames(db)).contains("NOTES_COPY_3_1");
        }
    }

    @Test
    void halfAppliedFirstMigrationHoldingDataIsNeverDropped() throws Exception {
        Path dbPath = dir.resolve("half-with-data/driftdeck");
        leaveAHalfAppliedFirstMigration(dbPath);
        try (Database db = Database.open(dbPath); Connection c = db.connection(); Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO settings (setting_key, setting_value) VALUES ('someone', 'else')");
        }

        try (Database db = Database.open(dbPath)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Migrations.migrateAndVerify(db))
                    .isInstanceOf(dev.driftdeck.store.MigrationException.class)
                    .hasMessageStartingWith("Migrating the database " + dbPath + " failed: ")
                    .hasMessageEndingWith(" Restore a backup of the database file, or start Driftdeck with another"
                            + " --data-dir.");
            try (Connection c = db.connection(); Statement sql = c.createStatement()) {
                assertThat(count(sql, "SELECT COUNT(*) FROM settings")).isEqualTo(1);
            }
        }
    }

    /** What a kill between V1's DDL statements leaves: Flyway's marker row, no V1 row, some of V1's tables. */
    /** The tables of V1 a kill half-way through it leaves (H2 commits each CREATE), and Flyway's history. */
    private static final java.util.Set<String> HALF_OF_V1 = java.util.Set.of("SCANS", "SCAN_API_CALLS", "SCAN_SOURCES",
            "FINDINGS", "SETTINGS", "flyway_schema_history");

    private static void leaveAHalfAppliedFirstMigration(Path dbPath) throws SQLException {
        try (Database db = Database.open(dbPath)) {
            Migrations.migrateAndVerify(db);
        }
        List<String> tables;
        try (Database db = Database.open(dbPath)) {
            tables = tableNames(db);
        }
        try (Database db = Database.open(dbPath); Connection c = db.connection(); Statement sql = c.createStatement()) {
            sql.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL");
            // Every later migration's tables (a kill inside V1 never got to them) and part of V1's own: all but these.
            for (String table : tables) {
                if (!HALF_OF_V1.contains(table)) {
                    sql.execute("DROP TABLE IF EXISTS \"" + table + "\" CASCADE");
                }
            }
        }
    }

    /** No scan row without all its findings, no rows of a scan that is not there. */
    static void assertNothingHalfWritten(Database db) throws SQLException {
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            assertThat(count(sql, """
                    SELECT COUNT(*) FROM scans s WHERE in_sync_count + changed_count + missing_count + unmanaged_count
                        + ignored_count + not_checked_count <> (SELECT COUNT(*) FROM findings f WHERE f.scan_id = s.id)
                        OR alert_count <> (SELECT COUNT(*) FROM alerts a WHERE a.scan_id = s.id)""")).isZero();
            for (String table : List.of("findings", "finding_diffs", "alerts", "scan_sources", "scan_api_calls")) {
                assertThat(count(sql, "SELECT COUNT(*) FROM " + table
                        + " t WHERE NOT EXISTS (SELECT 1 FROM scans s WHERE s.id = t.scan_id)"))
                        .as("orphan rows in " + table).isZero();
            }
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A migrated database holding scan 1 (10 findings), then these statements run on it as they are. */
    private Path migratedWithOneScanThen(String name, String... statements) throws SQLException {
        Path dbPath = dir.resolve(name);
        try (Database db = Database.open(dbPath)) {
            Migrations.migrateAndVerify(db);
            new ScanRepository(db).save(ProofReports.scan(1, 10));
        }
        try (Database db = Database.open(dbPath); Connection c = db.connection(); Statement sql = c.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
        return dbPath;
    }

    private static final String LATEST = ShippedMigrations.latest();
    private static final int MIGRATIONS = ShippedMigrations.count();

    private List<String> freshTables;

    private List<String> freshTableNames() throws SQLException {
        if (freshTables == null) {
            try (Database fresh = Database.open(dir.resolve("fresh-names/driftdeck"))) {
                Migrations.migrateAndVerify(fresh);
                freshTables = tableNames(fresh);
            }
        }
        return freshTables;
    }

    private long tablesOfAFreshDatabase() throws SQLException {
        try (Database fresh = Database.open(dir.resolve("fresh-" + System.nanoTime() + "/driftdeck"))) {
            Migrations.migrateAndVerify(fresh);
            return tableCount(fresh);
        }
    }

    private static List<String> tableNames(Database db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = db.connection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static long tableCount(Database db) throws SQLException {
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            return count(sql, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_NAME <> 'flyway_schema_history'");
        }
    }
}
