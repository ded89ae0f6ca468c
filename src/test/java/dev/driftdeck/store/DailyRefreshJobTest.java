package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.scan.DailyRefreshJob;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.store.MaintenanceRepository.Retention;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily-refresh job against a real H2 and a real moto: account, regions, retention, statistics. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DailyRefreshJobTest {

    static final Instant NOW = Instant.parse("2026-11-28T03:30:00Z");
    static final JobContext SCHEDULED = new JobContext() {
        @Override
        public Trigger trigger() {
            return Trigger.SCHEDULED;
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    @RegisterExtension
    final MigratedDatabase database;
    Database db;
    JdbcRunStore runs;
    ScanRepository scans;
    MaintenanceRepository maintenance;
    SettingsRepository settings;

    DailyRefreshJobTest(TestDatabase kind) {
        database = new MigratedDatabase(kind);
    }

    @BeforeAll
    static void fakeCredentials() {
        MotoClients.useFakeCredentialsForDefaultChain();
    }

    @BeforeEach
    void setUp() {
        db = database.db();
        runs = new JdbcRunStore(db);
        scans = new ScanRepository(db);
        maintenance = new MaintenanceRepository(db);
        settings = new SettingsRepository(db);
    }

    @Test
    void storesTheAccountAndEnabledRegionsFromTheConsoleSettingsAndKeepsOnlyWhatRetentionAllows() {
        settings.save(new ConsoleSettings(List.of(), List.of("us-east-1"), null, MotoServer.shared().endpoint(), false, 15));
        maintenance.saveRetention(new Retention(Duration.ofDays(90), 3, 2));
        for (int daysAgo : new int[] {100, 4, 3, 2, 1}) {
            scans.save(Reports.inSync(NOW.minus(Duration.ofDays(daysAgo)), 2));
        }
        for (int daysAgo : new int[] {100, 3, 2, 1}) {
            long id = runs.runStarted("drift-scan", Trigger.SCHEDULED, ago(daysAgo), ago(daysAgo), 0);
            runs.runFinished(id, ago(daysAgo).plusSeconds(5), RunOutcome.SUCCEEDED, null);
        }
        long oldButRunning = runs.runStarted("state-sync", Trigger.SCHEDULED, ago(120), ago(120), 0);

        RunOutcome outcome = job().run(SCHEDULED);

        assertThat(outcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(maintenance.awsAccount()).get().satisfies(account -> {
            assertThat(account.account()).isEqualTo(MotoClients.ACCOUNT);
            assertThat(account.enabledRegions()).contains("us-east-1", "eu-west-1");
            assertThat(account.checkedAt()).isEqualTo(NOW);
        });
        assertThat(scans.recent(10)).extracting(ScanSummary::startedAt)
                .containsExactly(ago(1), ago(2), ago(3));
        assertThat(runs.runs(new RunQuery(null, null, 10))).extracting(JobRun::id)
                .hasSize(3).contains(oldButRunning);
        assertThat(runs.recentRuns("drift-scan", 10)).extracting(JobRun::startedAt).containsExactly(ago(1), ago(2));
    }

    @Test
    void anUnreachableAwsFailsTheRunByNameButRetentionStillRuns() {
        settings.save(new ConsoleSettings(List.of(), List.of("us-east-1"), null, "http://127.0.0.1:9", false, 15));
        maintenance.saveRetention(new Retention(Duration.ofDays(90), 500, 1000));
        scans.save(Reports.inSync(NOW.minus(Duration.ofDays(1)), 1));
        scans.save(Reports.inSync(NOW.minus(Duration.ofDays(200)), 1));

        assertThatThrownBy(() -> job().run(SCHEDULED))
                .hasMessageStartingWith("AWS account check failed: ")
                .hasMessageContaining("Done: pruned 1 scan(s), 0 run(s) and 0 state snapshot(s);"
                        + " database statistics refreshed.");
        assertThat(scans.recent(10)).hasSize(1);
        assertThat(maintenance.awsAccount()).isEmpty();
    }

    @Test
    void pruningAlsoDeletesStateSnapshotsOlderThanTheRetentionThatNoKeptScanUses() throws Exception {
        settings.save(new ConsoleSettings(List.of(), List.of("us-east-1"), null, MotoServer.shared().endpoint(), false, 15));
        maintenance.saveRetention(new Retention(Duration.ofDays(90), 500, 1000));
        for (int[] snapshot : new int[][] {{200, 1}, {120, 2}, {89, 3}, {1, 4}}) {
            insertSnapshot("/states/a.tfstate", ago(snapshot[0]), snapshot[1]);
        }
        insertSnapshot("/states/b.tfstate", ago(300), 9);

        assertThat(job().run(SCHEDULED)).isEqualTo(RunOutcome.SUCCEEDED);

        StateSnapshotRepository snapshots = new StateSnapshotRepository(db);
        assertThat(snapshots.snapshots("/states/a.tfstate")).extracting(StateSourceStatus::serial)
                .as("1 and 2 are older than the 90-day retention").containsExactly(4L, 3L);
        assertThat(snapshots.snapshots("/states/b.tfstate")).extracting(StateSourceStatus::serial)
                .as("the newest of an object stays, however old").containsExactly(9L);
    }

    private void insertSnapshot(String uri, Instant recordedAt, long serial) throws Exception {
        try (var connection = db.connection();
             var insert = connection.prepareStatement("INSERT INTO state_snapshots (uri, recorded_at, serial, lineage,"
                     + " resource_count) VALUES (?, ?, ?, 'l', 1)")) {
            insert.setString(1, uri);
            Columns.setInstant(insert, 2, recordedAt);
            insert.setLong(3, serial);
            insert.executeUpdate();
        }
    }

    @Test
    void retentionDefaultsAreNinetyDaysFiveHundredScansAndAThousandRunsPerJob() {
        assertThat(maintenance.retention()).isEqualTo(new Retention(Duration.ofDays(90), 500, 1000));
    }

    private DailyRefreshJob job() {
        return new DailyRefreshJob(settings, maintenance, scans, runs, new StateSnapshotRepository(db), AwsSession::open,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Instant ago(int days) {
        return NOW.minus(Duration.ofDays(days));
    }
}
