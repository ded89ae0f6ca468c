package dev.driftdeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.JobDefinition;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.RunRequests;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.ui.SampleScans;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A follower console's watch on a real PostgreSQL: each {@link TeamWatch#check()} (called by hand, no timers) reads
 * who leads, announces a scan stored by someone else once, and refreshes the leader's jobs; the LISTEN hint brings a
 * stored scan in well before the poll would.
 */
class TeamWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private Database db;
    private TeamScheduler scheduler;
    private final List<Long> stored = new CopyOnWriteArrayList<>();
    private final List<Leadership> leaders = new CopyOnWriteArrayList<>();
    private final List<List<JobStatus>> snapshots = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openDatabase() {
        db = Database.open(PostgresServer.shared().createDatabase());
        Migrations.migrateAndVerify(db);
        scheduler = new TeamScheduler(new JdbcRunStore(db), Map.of("drift-scan", Schedule.Every.minutes(15)),
                new RunRequests(db), "carol@desk:3", db.location().toString(), Clock.systemUTC(), Duration.ofSeconds(1));
        scheduler.subscribe(snapshots::add);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private TeamWatch watch(ScheduledExecutorService poller, ScheduledExecutorService listener, Duration poll) {
        TeamWatch watch = new TeamWatch(db, scheduler, poller, listener, poll, Clock.systemUTC());
        watch.onScanStored(stored::add);
        watch.onLeadership(leaders::add);
        return watch;
    }

    @Test
    void eachCheckTellsWhoLeadsTheNewScanOnceAndTheLeadersJobs() throws Exception {
        try (TeamWatch watch = watch(Executors.newSingleThreadScheduledExecutor(),
                Executors.newSingleThreadScheduledExecutor(), Duration.ofHours(1));
             LeaderLock alice = new LeaderLock(db, "alice@scan1:4242")) {
            watch.check();
            assertThat(leaders).singleElement().satisfies(seen -> {
                assertThat(seen.leads()).isFalse();
                assertThat(seen.leader().holder()).isNull();
            });
            assertThat(stored).as("what was there at the start is loaded by the console itself").isEmpty();

            alice.tryAcquire().orElseThrow();
            JdbcRunStore leaderRuns = new JdbcRunStore(db);
            leaderRuns.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);
            long scan = new ScanRepository(db).save(SampleScans.small());
            watch.check();

            assertThat(stored).containsExactly(scan);
            assertThat(leaders).last().satisfies(seen -> {
                assertThat(seen.leads()).isFalse();
                assertThat(seen.leader().holder()).isEqualTo("alice@scan1:4242");
                assertThat(seen.leader().held()).isTrue();
            });
            assertThat(snapshots).last().satisfies(jobs ->
                    assertThat(jobs.getFirst().state()).isEqualTo(JobState.RUNNING));

            watch.check();
            assertThat(stored).as("announced once").containsExactly(scan);
            assertThat(leaders).as("no change, no news").hasSize(2);

            alice.release();
            watch.check();
            assertThat(leaders).last().satisfies(seen -> assertThat(seen.leader().held()).isFalse());
            assertThat(snapshots).last().satisfies(jobs -> {
                assertThat(jobs.getFirst().state()).isEqualTo(JobState.BLOCKED);
                assertThat(jobs.getFirst().blockedReason()).contains("alice@scan1:4242 led last")
                        .contains("takes over within 15 s");
            });
            assertThat(snapshots).extracting(jobs -> jobs.getFirst().sequence()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aStoredScanIsAnnouncedByTheListenHintLongBeforeThePoll() throws Exception {
        try (TeamWatch watch = watch(Executors.newSingleThreadScheduledExecutor(),
                Executors.newSingleThreadScheduledExecutor(), Duration.ofHours(1))) {
            watch.start();
            // The first check, then the one after LISTEN (nothing is replayed, so it re-reads): the baseline is set.
            await().atMost(Duration.ofSeconds(20)).until(() -> listening() && snapshots.size() >= 2);

            long scan = new ScanRepository(db).save(SampleScans.small());

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(stored).containsExactly(scan));
        }
    }

    private boolean listening() throws Exception {
        return db.inTransaction(c -> {
            try (var rows = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND query = 'LISTEN driftdeck'")) {
                return rows.next() && rows.getInt(1) > 0;
            }
        });
    }

    @Test
    void aLeaderPassesItsTermsSnapshotsOnAfterTheFollowersNumbers() {
        scheduler.refresh();
        scheduler.refresh();
        long followerSequence = snapshots.getLast().getFirst().sequence();
        Job idle = new Job() {
            @Override
            public String name() {
                return "drift-scan";
            }

            @Override
            public RunOutcome run(JobContext context) {
                return RunOutcome.SUCCEEDED;
            }
        };
        try (JobScheduler term = JobScheduler.create(Clock.systemUTC(), new JdbcRunStore(db),
                List.of(new JobDefinition(idle, Duration.ofMinutes(15), true)), SchedulerOptions.defaults())) {
            assertThat(term.statuses().getFirst().sequence()).as("a new term's scheduler counts from 1 again")
                    .isLessThan(followerSequence);

            scheduler.lead(term);

            assertThat(scheduler.leads()).isTrue();
            assertThat(snapshots.getLast().getFirst().sequence()).isGreaterThan(followerSequence);
            assertThat(scheduler.statuses().getFirst().sequence()).isGreaterThan(followerSequence);
        }
    }
}
