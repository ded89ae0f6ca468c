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
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Run in a separate JVM by {@link StateSyncCrashTest} and killed with SIGKILL while it syncs. {@code sync-loop DB DIR
 * FILES}: migrates, points the settings at the state directory DIR, records a {@code state-sync} run as RUNNING
 * ({@code RUN id}), then forever: rewrites every one of the FILES states with serial k, prints {@code SYNCING k},
 * runs the product's {@link StateSyncJob#sync()} and prints {@code SYNCED k millis}.
 */
public final class SyncCrashChild {

    public static void main(String[] args) throws Exception {
        Path dbPath = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        int files = Integer.parseInt(args[3]);
        Database db = Database.open(dbPath);
        Migrations.migrateAndVerify(db);
        SettingsRepository settings = new SettingsRepository(db);
        settings.save(new ConsoleSettings(List.of(dir.toString()), List.of("us-east-1"), null, null, false, 15));
        StateSyncJob job = new StateSyncJob(Clock.systemUTC(), StateLoaders.standard(new StateCache()), settings,
                new StateSnapshotRepository(db), reason -> { });
        long run = new JdbcRunStore(db).runStarted(StateSyncJob.NAME, Trigger.SCHEDULED, Instant.now(), Instant.now(), 0);
        System.out.println("RUN " + run);
        for (int k = 1; ; k++) {
            writeStates(dir, files, k);
            System.out.println("SYNCING " + k);
            long start = System.nanoTime();
            var result = job.sync();
            System.out.println("SYNCED " + k + " " + (System.nanoTime() - start) / 1_000_000 + " " + result.objects());
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
