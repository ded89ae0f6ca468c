package dev.driftdeck.proof;

import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a separate JVM by {@link StateSyncCrashTest} and killed with SIGKILL inside the recording transaction.
 * {@code sync-loop DB DIR FILES ROW}: migrates, puts the {@link KillPoint} trigger on {@code state_sources}, points the
 * settings at the state directory DIR, records a {@code state-sync} run as RUNNING ({@code RUN id}), then for pass
 * k = 1, 2, 3: rewrites every one of the FILES states with serial k, prints {@code SYNCING k}, runs the product's
 * {@link StateSyncJob#sync()} and prints {@code SYNCED k}. In pass 3, the ROW-th source row the sync writes stops it
 * inside its transaction: the trigger prints {@code WRITING 3 ROW VISIBLE} (VISIBLE: the pass-3 rows the transaction
 * sees, uncommitted) and blocks until the test kills the JVM.
 */
public final class SyncCrashChild {

    static final int KILL_PASS = 3;

    /** The pass being synced, and the source row of {@link #KILL_PASS} to stop in (0: never). */
    private static volatile int pass;
    private static volatile int killRow;

    public static void main(String[] args) throws Exception {
        Path dbPath = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        int files = Integer.parseInt(args[3]);
        killRow = Integer.parseInt(args[4]);
        Database db = Database.open(dbPath);
        Migrations.migrateAndVerify(db);
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TRIGGER IF NOT EXISTS sync_kill_point AFTER INSERT ON state_sources FOR EACH ROW CALL '"
                    + KillPoint.class.getName() + "'");
        }
        SettingsRepository settings = new SettingsRepository(db);
        settings.save(new ConsoleSettings(List.of(dir.toString()), List.of("us-east-1"), null, null, false, 15));
        StateSyncJob job = new StateSyncJob(Clock.systemUTC(), StateLoaders.standard(new StateCache()), settings,
                new StateSnapshotRepository(db), reason -> { });
        long run = new JdbcRunStore(db).runStarted(StateSyncJob.NAME, Trigger.SCHEDULED, Instant.now(), Instant.now(), 0);
        System.out.println("RUN " + run);
        for (int k = 1; k <= KILL_PASS; k++) {
            writeStates(dir, files, k);
            pass = k;
            System.out.println("SYNCING " + k);
            var result = job.sync();
            System.out.println("SYNCED " + k + " " + result.objects());
        }
        // Only reached when the kill point never fired: the test then fails on the missing WRITING line.
        System.out.println("DONE");
    }

    /**
     * An H2 row trigger: it runs inside the statement, so inside the sync's one transaction, before its commit.
     * Row {@code killRow} of pass {@link #KILL_PASS} says so on stdout and never returns.
     */
    public static final class KillPoint implements org.h2.api.Trigger {

        private static final AtomicInteger rowsOfKillPass = new AtomicInteger();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (pass != KILL_PASS || rowsOfKillPass.incrementAndGet() != killRow) {
                return;
            }
            int visible;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM state_sources WHERE serial = ?")) {
                count.setLong(1, KILL_PASS);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    visible = row.getInt(1);
                }
            }
            System.out.println("WRITING " + KILL_PASS + " " + killRow + " " + visible);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted at the kill point", e);
            }
        }
    }

    /** FILES states of 40 IAM users each, all at serial k. */
    static void writeStates(Path dir, int files, int serial) throws IOException {
        Files.createDirectories(dir);
        for (int f = 0; f < files; f++) {
            StringBuilder resources = new StringBuilder();
            for (int r = 0; r < 40; r++) {
                resources.append(r == 0 ? "" : ",").append("""
                        {"mode":"managed","type":"aws_iam_user","name":"u%d",
                         "provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                         "instances":[{"schema_version":0,"attributes":{"id":"u%d-%d","name":"u%d-%d","path":"/"},
                         "sensitive_attributes":[]}]}""".formatted(r, f, r, f, r));
            }
            Files.writeString(dir.resolve("stack-%03d.tfstate".formatted(f)), """
                    {"version":4,"terraform_version":"1.11.4","serial":%d,"lineage":"lineage-%d","outputs":{},
                     "resources":[%s]}""".formatted(serial, f, resources));
        }
    }
}
