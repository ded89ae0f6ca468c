package dev.driftdeck.schedule;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler on a real H2 run store, a settable clock and a manual worker pool. Its tick executor is
 * shut down before use, so any accidental real background scheduling fails loudly.
 */
final class SchedulerHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    /** The monotonic source: moves with the wall clock, except when a test makes the wall clock jump. */
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Database db;
    final JdbcRunStore runs;
    ManualExecutor workers;
    JobScheduler scheduler;

    SchedulerHarness(Path dir) {
        db = Database.open(dir.resolve("driftdeck"));
        Migrations.migrateAndVerify(db);
        runs = new JdbcRunStore(db);
    }

    JobScheduler start(SchedulerOptions options, JobDefinition... jobs) {
        ScheduledExecutorService refusingTicker = Executors.newSingleThreadScheduledExecutor();
        refusingTicker.shutdown();
        workers = new ManualExecutor();
        scheduler = new JobScheduler(clock, nanos::get, refusingTicker, workers, runs, List.of(jobs), options);
        return scheduler;
    }

    /**
     * As {@link #start(SchedulerOptions, JobDefinition...)}, then {@link JobScheduler#start()} as the desktop does
     * (stale runs abandoned, missed daily slots caught up); its tick loop is parked, so ticks stay by hand.
     */
    JobScheduler boot(JobDefinition... jobs) {
        workers = new ManualExecutor();
        scheduler = new JobScheduler(clock, nanos::get, new ParkedTicker(), workers, runs, List.of(jobs),
                new SchedulerOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofHours(1)));
        scheduler.start();
        return scheduler;
    }

    /** Accepts the tick loop and never runs it. */
    private static final class ParkedTicker extends ScheduledThreadPoolExecutor {
        ParkedTicker() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return schedule(() -> { }, 3650, TimeUnit.DAYS);
        }
    }

    JobScheduler start(JobDefinition... jobs) {
        return start(new SchedulerOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofHours(1)), jobs);
    }

    static JobDefinition every(Duration interval, Job job) {
        return new JobDefinition(job, interval, true);
    }

    /** Time passes normally up to {@code isoTime} (wall and monotonic clocks move together). */
    void at(String isoTime) {
        moveTo(Instant.parse("2026-11-28T" + isoTime + "Z"));
    }

    /** Time passes normally up to {@code instant}. */
    void moveTo(Instant instant) {
        nanos.addAndGet(Duration.between(clock.instant(), instant).toNanos());
        clock.set(instant);
    }

    /** Only the wall clock moves (laptop sleep, or the clock set): {@code by} may be negative. */
    void jumpWall(Duration by) {
        clock.advance(by);
    }

    /** Only real time passes (the wall clock frozen is not realistic, but isolates deadline behaviour). */
    void passMonotonic(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    static Instant time(String isoTime) {
        return Instant.parse("2026-11-28T" + isoTime + "Z");
    }

    JobStatus status(String job) {
        return scheduler.statuses().stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow();
    }

    /** Oldest first. */
    List<JobRun> history(String job) {
        return runs.recentRuns(job, 100).reversed();
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        db.close();
    }
}
