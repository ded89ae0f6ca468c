package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.DailyRefreshJob;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import dev.driftdeck.store.StateSourceStatus;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.driftdeck.testing.PrivateMoto;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 12, the scheduler paths that lost work, through the real bootstrap on real threads: window close during a
 * scan (against moto), "Sync now" and the daily refresh's pruning.
 */
// Counts the JVM's driftdeck-* threads: never beside a Terraform-applied family test, whose scans have their own.
@ResourceLock(PrivateMoto.LOCK)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class DesktopSchedulerPathsTest {

    static final String STATE = """
            {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "paths", "outputs": {},
             "resources": [
              {"mode": "managed", "type": "aws_iam_user", "name": "alice",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                 "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                 "sensitive_attributes": []}]}]}""";
    /** Slow ticks (tests ask for runs), and a close that waits 3 s for a running job. */
    static final SchedulerOptions OPTIONS = new SchedulerOptions(Duration.ofSeconds(30), Duration.ofSeconds(3),
            Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @BeforeAll
    static void fakeCredentials() {
        MotoClients.useFakeCredentialsForDefaultChain();
    }

    @Test
    void closingDuringAScanStopsItBetweenScopesRecordsCancelledAndKeepsThePreviousScan() throws Exception {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/"));
        }
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        DesktopBootstrap.Desktop desktop = boot(data, moto);
        CountDownLatch stored = new CountDownLatch(1);
        desktop.services().subscribeScanStored(stored::countDown);
        JobScheduler scheduler = desktop.runningScheduler().orElseThrow();
        assertThat(scheduler.runNow(DriftScanJob.NAME).kind()).isEqualTo(RunNowResult.Kind.STARTED);
        assertThat(stored.await(60, TimeUnit.SECONDS)).as("a first complete scan").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !running(scheduler, DriftScanJob.NAME));
        ScanReport previous = desktop.services().latestScan().orElseThrow();

        // The second scan is slowed by a hook on its progress: 100 ms per listed scope, about 50 scopes.
        AtomicBoolean slow = new AtomicBoolean(true);
        CountDownLatch listing = new CountDownLatch(1);
        desktop.services().subscribeScanProgress(progress -> {
            if (slow.get() && progress.message().startsWith("Listed")) {
                listing.countDown();
                sleep(100);
            }
        });
        assertThat(scheduler.runNow(DriftScanJob.NAME).kind()).isEqualTo(RunNowResult.Kind.STARTED);
        assertThat(listing.await(60, TimeUnit.SECONDS)).isTrue();

        // No timing asserted here (a loaded machine may be slow): a close that gave up on the scan after its 3 s
        // wait records the run CANCELLED *with* an error saying so, which the assertions below reject.
        desktop.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("driftdeck-")));
        try (Database db = Database.open(data.database())) {
            List<JobRun> runs = new JdbcRunStore(db).recentRuns(DriftScanJob.NAME, 10);
            assertThat(runs).hasSize(2);
            assertThat(runs.getFirst().outcome()).isEqualTo(RunOutcome.CANCELLED);
            assertThat(runs.getFirst().error()).as("the scan stopped by itself; close did not give up on it").isNull();
            ScanRepository scans = new ScanRepository(db);
            assertThat(scans.recent(10)).singleElement().extracting(ScanSummary::startedAt)
                    .isEqualTo(previous.startedAt());
            assertThat(scans.latest().orElseThrow().report().findings()).isEqualTo(previous.findings());
        }
    }

    @Test
    void syncNowGoesThroughTheSchedulerRecordsItsRunAndRespectsPause() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (DesktopBootstrap.Desktop desktop = boot(data, null)) {
            JobScheduler scheduler = desktop.runningScheduler().orElseThrow();
            JdbcRunStore runs = new JdbcRunStore(desktop.db());
            var sources = desktop.services().sources().orElseThrow();

            scheduler.pause(StateSyncJob.NAME);
            Object paused = sources.syncNow();
            assertThat(paused).isEqualTo(RunNowResult.blocked("Job state-sync is paused; resume it to run it."));
            assertThat(manualSyncs(runs)).as("a paused job does not run").isEmpty();

            scheduler.resume(StateSyncJob.NAME);
            // state-sync may be running its first-start run (its jitter decides); "Sync now" would then be MERGED.
            await().atMost(Duration.ofSeconds(20)).until(() -> !running(scheduler, StateSyncJob.NAME));
            Object started = sources.syncNow();
            assertThat(started).isEqualTo(RunNowResult.started());
            await().atMost(Duration.ofSeconds(20)).until(() -> manualSyncs(runs).size() == 1
                    && manualSyncs(runs).getFirst().outcome() != null);
            assertThat(manualSyncs(runs).getFirst().outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        }
    }

    private static List<JobRun> manualSyncs(JdbcRunStore runs) {
        return runs.recentRuns(StateSyncJob.NAME, 10).stream().filter(run -> run.trigger() == Trigger.MANUAL).toList();
    }

    @Test
    void theDailyRefreshPrunesStateSnapshotsNoKeptScanUses() throws Exception {
        MotoServer moto = MotoServer.shared();
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (DesktopBootstrap.Desktop desktop = boot(data, moto)) {
            Instant now = Instant.now();
            insertSnapshot(desktop.db(), "/states/a.tfstate", now.minus(Duration.ofDays(200)), 1);
            insertSnapshot(desktop.db(), "/states/a.tfstate", now.minus(Duration.ofDays(150)), 2);
            insertSnapshot(desktop.db(), "/states/a.tfstate", now.minus(Duration.ofDays(1)), 3);
            insertSnapshot(desktop.db(), "/states/b.tfstate", now.minus(Duration.ofDays(200)), 7);
            JobScheduler scheduler = desktop.runningScheduler().orElseThrow();
            JdbcRunStore runs = new JdbcRunStore(desktop.db());

            assertThat(scheduler.runNow(DailyRefreshJob.NAME).kind()).isEqualTo(RunNowResult.Kind.STARTED);
            await().atMost(Duration.ofSeconds(30)).until(() -> !runs.recentRuns(DailyRefreshJob.NAME, 1).isEmpty()
                    && runs.recentRuns(DailyRefreshJob.NAME, 1).getFirst().outcome() != null);

            StateSnapshotRepository snapshots = new StateSnapshotRepository(desktop.db());
            assertThat(snapshots.snapshots("/states/a.tfstate")).as("older than the 90-day retention, unused")
                    .extracting(StateSourceStatus::serial).containsExactly(3L);
            assertThat(snapshots.snapshots("/states/b.tfstate")).as("an object's newest snapshot stays")
                    .extracting(StateSourceStatus::serial).containsExactly(7L);
        }
    }

    private DesktopBootstrap.Desktop boot(DataDirectory data, MotoServer moto) throws Exception {
        Path state = Files.writeString(dir.resolve("prod.tfstate"), STATE);
        String endpoint = moto == null ? null : moto.endpoint();
        try (Database db = Database.open(data.preparePrivate().database())) {
            dev.driftdeck.store.Migrations.migrateAndVerify(db);
            new SettingsRepository(db).save(new ConsoleSettings(List.of(state.toString()), List.of(MotoClients.REGION),
                    null, endpoint, false, 15));
        }
        ScanService scans = new ScanService(Clock.systemUTC(), StateLoaders.standard(new StateCache()),
                target -> AwsSession.open(new AwsTarget(null, target.region(), endpoint), MotoClients.CREDENTIALS,
                        SessionOptions.defaults()), new AwsScanner());
        return DesktopBootstrap.boot(data, Clock.systemUTC(), scans, OPTIONS);
    }

    private static boolean running(JobScheduler scheduler, String job) {
        return scheduler.statuses().stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow()
                .state() == dev.driftdeck.schedule.JobState.RUNNING;
    }

    private static void insertSnapshot(Database db, String uri, Instant recordedAt, long serial) throws Exception {
        try (Connection connection = db.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO state_snapshots (uri, recorded_at,"
                     + " serial, lineage, resource_count) VALUES (?, ?, ?, 'paths', 1)")) {
            insert.setString(1, uri);
            insert.setObject(2, recordedAt.atOffset(java.time.ZoneOffset.UTC));
            insert.setLong(3, serial);
            insert.executeUpdate();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
