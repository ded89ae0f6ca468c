package dev.driftdeck.proof;

import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a separate JVM by {@link CrashRecoveryTest} and killed with SIGKILL while it works. Markers on stdout say
 * how far it got:
 * <ul>
 *   <li>{@code save-loop DB FINDINGS}: migrates, records a {@code drift-scan} run as RUNNING ({@code RUN id}), then
 *       saves scan 1, 2, 3... of {@link ProofReports} forever, printing {@code SAVING k} before and {@code SAVED k id}
 *       after each committed save.</li>
 *   <li>{@code save-once DB}: saves scan 1 (2,000 findings), prints {@code SAVED 1 id}, then waits.</li>
 *   <li>{@code migrate DB}: prints {@code MIGRATING}, migrates a fresh database, prints {@code MIGRATED}.</li>
 * </ul>
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "save-loop" -> saveLoop(db, Integer.parseInt(args[2]));
            case "migrate" -> migrate(db);
            case "save-once" -> saveOnce(db);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void saveLoop(Path path, int findings) {
        Database db = Database.open(path);
        Migrations.migrateAndVerify(db);
        long run = new JdbcRunStore(db).runStarted("drift-scan", Trigger.SCHEDULED, Instant.now(), Instant.now(), 0);
        System.out.println("RUN " + run);
        ScanRepository scans = new ScanRepository(db);
        for (int k = 1; ; k++) {
            var report = ProofReports.scan(k, findings); // built before SAVING: the kill lands in the save itself
            System.out.println("SAVING " + k);
            long id = scans.save(report);
            System.out.println("SAVED " + k + " " + id);
        }
    }

    /** Saves one scan, says so, and waits to be killed. */
    private static void saveOnce(Path path) throws InterruptedException {
        Database db = Database.open(path);
        Migrations.migrateAndVerify(db);
        long id = new ScanRepository(db).save(ProofReports.scan(1, 2_000));
        System.out.println("SAVED 1 " + id);
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void migrate(Path path) {
        Database db = Database.open(path);
        System.out.println("MIGRATING");
        Migrations.migrateAndVerify(db);
        System.out.println("MIGRATED");
        db.close();
    }
}
