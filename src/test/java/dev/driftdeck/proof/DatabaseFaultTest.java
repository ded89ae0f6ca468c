package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.app.DesktopBootstrap;
import dev.driftdeck.app.DesktopBootstrap.Desktop;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseException;
import dev.driftdeck.store.DatabaseLockedException;
import dev.driftdeck.store.LockHolder;
import dev.driftdeck.store.ScanRepository;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the database can be unusable at start, through the real desktop bootstrap on a temporary data
 * directory: each gives one clear sentence (naming the file and what to do), never a crash, and never a running
 * scheduler on a bad schema (no {@code driftdeck-tick} thread is started).
 */
class DatabaseFaultTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private Desktop desktop;

    @AfterEach
    void closeDesktop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void databaseLockedByAnotherDriftdeckStopsTheBootWithTheReason() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        long ticksBefore = tickThreads();
        try (ChildJvm holder = ChildJvm.start(LockHolder.class, data.database().toString())) {
            holder.await("LOCKED", Duration.ofSeconds(60));

            assertThatThrownBy(() -> boot(data))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessage("The database " + data.database() + " is already open in another Driftdeck. "
                            + "Close it, or start this one with another --data-dir.");
            assertThat(tickThreads()).as("no scheduler tick thread was started").isEqualTo(ticksBefore);
        }
    }

    @Test
    void newerSchemaOpensTheConsoleReadOnlyWithoutScheduler() throws Exception {
        DataDirectory data = bootedOnceWithAScan();
        sql(data, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (100, '99', 'from a newer driftdeck', 'SQL', 'V99__from_a_newer_driftdeck.sql', 1, 'test', 1, TRUE)");

        desktop = boot(data);

        assertReadOnly("Database schema check failed: The database " + data.database() + " has schema version 99,"
                + " newer than this Driftdeck knows (up to " + dev.driftdeck.testing.ShippedMigrations.latest() + "). It was written by a newer Driftdeck: upgrade Driftdeck,"
                + " or start this one with another --data-dir. The scheduler is off; findings shown are from the last"
                + " good scan.");
    }

    @Test
    void editedMigrationOpensTheConsoleReadOnlyWithoutScheduler() throws Exception {
        DataDirectory data = bootedOnceWithAScan();
        // What Flyway sees when the V1 file it applied was edited afterwards: a different checksum.
        sql(data, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");

        desktop = boot(data);

        assertReadOnly("Database schema check failed: The database " + data.database() + " was migrated with a"
                + " different migration version 1 than this Driftdeck ships (checksum mismatch). Applied migrations"
                + " must never be edited; restore the original migration file, or start Driftdeck with another"
                + " --data-dir. The scheduler is off; findings shown are from the last good scan.");
    }

    @Test
    void corruptedHeaderStopsTheBootNamingTheFile() throws Exception {
        DataDirectory data = bootedOnceWithAScan();
        Path file = Path.of(data.database() + ".mv.db");
        byte[] noise = new byte[8192];
        new Random(8).nextBytes(noise);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(noise);
        }
        long ticksBefore = tickThreads();

        assertThatThrownBy(() -> boot(data))
                .isInstanceOf(DatabaseException.class)
                .isNotInstanceOf(DatabaseLockedException.class)
                .hasMessageStartingWith("Could not open the database " + data.database() + ": ")
                .hasMessageEndingWith(". Check that the file is readable and writable by you and not damaged,"
                        + " or start Driftdeck with another --data-dir.");
        assertThat(tickThreads()).isEqualTo(ticksBefore);
    }

    @Test
    void fileTruncatedInsideItsHeaderStopsTheBootNamingTheFile() throws Exception {
        DataDirectory data = bootedOnceWithAScan();
        try (RandomAccessFile raf = new RandomAccessFile(Path.of(data.database() + ".mv.db").toFile(), "rw")) {
            raf.setLength(3_000);
        }
        long ticksBefore = tickThreads();

        assertThatThrownBy(() -> boot(data))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Could not open the database " + data.database() + ": ")
                .hasMessageEndingWith(". Check that the file is readable and writable by you and not damaged,"
                        + " or start Driftdeck with another --data-dir.");
        assertThat(tickThreads()).isEqualTo(ticksBefore);
    }

    /**
     * A file cut after its header (an interrupted copy): depending on where the cut falls, H2 either refuses it
     * ("File corrupted while reading record") or falls back to the last consistent version still in the file, as
     * after a crash. Pinned: one of those two, never a crash or a half-written database. Not done yet: telling the
     * operator, in the fallback case, that scans newer than that version are gone (see the issue 8 note).
     */
    @Test
    void fileTruncatedAfterItsHeaderIsRefusedOrFallsBackToAConsistentDatabase() throws Exception {
        DataDirectory data = bootedOnceWithAScan();
        try (RandomAccessFile raf = new RandomAccessFile(Path.of(data.database() + ".mv.db").toFile(), "rw")) {
            raf.setLength(raf.length() / 3);
        }

        try {
            desktop = boot(data);
        } catch (DatabaseException refused) {
            assertThat(refused).isNotInstanceOf(DatabaseLockedException.class)
                    .hasMessageStartingWith("Could not open the database " + data.database() + ": ")
                    .hasMessageEndingWith(". Check that the file is readable and writable by you and not damaged,"
                            + " or start Driftdeck with another --data-dir.");
            assertThat(tickThreads()).isZero();
            return;
        }
        assertThat(desktop.runningScheduler()).isPresent();
        CrashRecoveryTest.assertNothingHalfWritten(desktop.db());
        ScanRepository scans = new ScanRepository(desktop.db());
        long id = scans.save(ProofReports.scan(7, 20));
        assertThat(scans.load(id)).hasValue(ProofReports.scan(7, 20));
    }

    @Test
    void dataDirectoryThatCannotBeCreatedStopsTheBootNamingIt() throws Exception {
        // Root ignores permission bits, so "cannot create" is made real with a regular file where a directory should
        // be (ENOTDIR fails for every user).
        Path notADirectory = Files.writeString(dir.resolve("home"), "a file, not a directory");
        DataDirectory data = new DataDirectory(notADirectory.resolve("driftdeck"));
        long ticksBefore = tickThreads();

        assertThatThrownBy(() -> boot(data))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Could not create the data directory " + data.root() + ": ")
                .hasMessageContaining("Not a directory")
                .hasMessageEndingWith(". Create it yourself or start Driftdeck with another --data-dir.");
        assertThat(tickThreads()).isEqualTo(ticksBefore);
    }

    private DataDirectory bootedOnceWithAScan() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (Desktop first = boot(data)) {
            assertThat(first.runningScheduler()).isPresent();
            new ScanRepository(first.db()).save(ProofReports.scan(1, 50));
        }
        org.awaitility.Awaitility.await("the first boot's scheduler stopped").atMost(Duration.ofSeconds(20))
                .until(() -> tickThreads() == 0);
        return data;
    }

    private void assertReadOnly(String reason) throws Exception {
        assertThat(desktop.runningScheduler()).as("no scheduler on a bad schema").isEmpty();
        assertThat(desktop.services().scheduler()).isEmpty();
        assertThat(desktop.services().readOnlyReason()).hasValue(reason);
        assertThat(desktop.services().latestScan()).as("the last good scan is still shown")
                .hasValue(ProofReports.scan(1, 50));
        assertThat(tickThreads()).isZero();
    }

    static Desktop boot(DataDirectory data) {
        return DesktopBootstrap.boot(data, CLOCK, ScanService.standard(CLOCK), SchedulerOptions.defaults());
    }

    static long tickThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("driftdeck-tick")).count();
    }

    private static void sql(DataDirectory data, String statement) throws Exception {
        try (Database db = Database.open(data.database()); Connection c = db.connection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(statement)).isEqualTo(1);
        }
    }
}
