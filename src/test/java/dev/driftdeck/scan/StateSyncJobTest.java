package dev.driftdeck.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import dev.driftdeck.store.StateSourceStatus;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.S3States;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import dev.driftdeck.testing.MigratedDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The state-sync job against moto S3 and a real H2 database: snapshots, change detection, scan requests, pruning. */
class StateSyncJobTest {

    private static final String SOURCE = "s3://tf-states/prod.tfstate";

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private Database db;
    private StateSnapshotRepository snapshots;
    private final List<String> scanRequests = new ArrayList<>();
    private final MutableClock time = new MutableClock();
    private StateSyncJob job;

    @BeforeEach
    void setUp() {
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        S3States.bucket("tf-states");
        db = database.db();
        SettingsRepository settings = new SettingsRepository(db);
        settings.save(new ConsoleSettings(List.of(SOURCE), List.of("us-east-1"), null, MotoServer.shared().endpoint(),
                false, 15));
        snapshots = new StateSnapshotRepository(db);
        job = new StateSyncJob(time, StateLoaders.standard(new StateCache()), settings, snapshots, scanRequests::add);
    }

    @Test
    void aNewSerialIsANewSnapshotAndRequestsOneScanWhileAnUnchangedStateRecordsNothing() {
        put(5, "orders");
        assertThat(job.run(null)).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(scanRequests).as("the first sight of a source is its baseline").isEmpty();
        assertThat(snapshots.snapshots(SOURCE)).hasSize(1);

        time.advance(Duration.ofMinutes(5));
        StateSyncJob.SyncResult unchanged = job.sync();
        assertThat(unchanged.changed()).isEmpty();
        assertThat(scanRequests).isEmpty();
        assertThat(snapshots.snapshots(SOURCE)).hasSize(1);
        assertThat(snapshots.sources()).singleElement().satisfies(s -> {
            assertThat(s.lastChecked()).isEqualTo(time.instant());
            assertThat(s.lastChanged()).isEqualTo(time.instant().minus(Duration.ofMinutes(5)));
        });

        put(6, "orders", "billing");
        time.advance(Duration.ofMinutes(5));
        assertThat(job.sync().changed()).containsExactly(SOURCE);
        assertThat(scanRequests).singleElement().asString().contains(SOURCE);
        assertThat(snapshots.snapshots(SOURCE)).extracting(StateSourceStatus::serial, StateSourceStatus::resourceCount,
                StateSourceStatus::lineage).containsExactly(tuple(6L, 2, "l-prod"), tuple(5L, 1, "l-prod"));
        assertThat(snapshots.snapshots(SOURCE).getFirst().etag()).isNotBlank();
    }

    @Test
    void aFailingSourceIsRecordedWithItsErrorAndKeepsItsLastGoodSerialButRequestsNoScan() {
        put(5, "orders");
        job.sync();
        try (S3Client s3 = MotoClients.s3()) {
            s3.deleteObject(r -> r.bucket("tf-states").key("prod.tfstate"));
        }

        assertThat(job.run(null)).isEqualTo(RunOutcome.PARTIAL);

        assertThat(scanRequests).isEmpty();
        assertThat(snapshots.sources()).singleElement().satisfies(s -> {
            assertThat(s.serial()).isEqualTo(5L);
            assertThat(s.error()).contains("S3 state s3://tf-states/prod.tfstate does not exist");
        });
    }

    @Test
    void snapshotsAreKeptWhileAScanUsesThemAndPrunedAfterRetention() {
        put(5, "orders");
        job.sync();
        ScanRepository scans = new ScanRepository(db);
        long scanId = scans.save(new ScanReport(time.instant(), time.instant(),
                List.of(new SourceSummary(SOURCE, 5L, "l-prod", 1, null)), List.of(), List.of(), Map.of(),
                List.of(), List.of("us-east-1")));
        snapshots.linkScan(scanId, time.instant());
        put(6, "orders");
        time.advance(Duration.ofMinutes(5));
        job.sync();
        put(7, "orders");
        time.advance(Duration.ofMinutes(5));
        job.sync();
        Instant cutoff = time.instant().plus(Duration.ofDays(1));

        // serial 6: unused and old, gone; serial 5: used by the kept scan; serial 7: the newest of its object.
        assertThat(snapshots.prune(cutoff)).isEqualTo(1);
        assertThat(snapshots.snapshots(SOURCE)).extracting(StateSourceStatus::serial).containsExactly(7L, 5L);

        // A later scan used serial 7; pruning scans drops the first one (the latest scan is always kept).
        scans.save(new ScanReport(time.instant(), time.instant(),
                List.of(new SourceSummary(SOURCE, 7L, "l-prod", 1, null)), List.of(), List.of(), Map.of(),
                List.of(), List.of("us-east-1")));
        assertThat(scans.prune(cutoff, 0)).isEqualTo(1);
        assertThat(snapshots.prune(cutoff)).isEqualTo(1);
        assertThat(snapshots.snapshots(SOURCE)).extracting(StateSourceStatus::serial).containsExactly(7L);
    }

    private static void put(long serial, String... queues) {
        S3States.put("tf-states", "prod.tfstate", S3States.state(serial, "l-prod", queues));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
