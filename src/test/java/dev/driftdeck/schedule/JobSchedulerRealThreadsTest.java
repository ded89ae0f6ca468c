package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.driftdeck.testing.PrivateMoto;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The only scheduler tests on real threads: bounded by Awaitility, with millisecond intervals. */
// Counts the JVM's driftdeck-* threads: never beside a Terraform-applied family test, whose scans have their own.
@ResourceLock(PrivateMoto.LOCK)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class JobSchedulerRealThreadsTest {

    @TempDir
    Path dir;

    @Test
    void ticksContinueAfterAThrowingJobOnNamedDaemonThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Job failing = new Job() {
            @Override
            public String name() {
                return "state-sync";
            }

            @Override
            public RunOutcome run(JobContext context) {
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? "" : " (not daemon)"));
                throw new IllegalStateException("always fails");
            }
        };
        ScriptedJob healthy = new ScriptedJob("drift-scan");
        try (SchedulerHarness harness = new SchedulerHarness(dir)) {
            JobScheduler scheduler = JobScheduler.create(Clock.systemUTC(), harness.runs, List.of(
                            new JobDefinition(failing, Duration.ofMillis(50), true),
                            new JobDefinition(healthy, Duration.ofMillis(50), true)),
                    new SchedulerOptions(Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofMillis(100)));
            harness.scheduler = scheduler;
            scheduler.start();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(counters(scheduler, "state-sync").failures()).isGreaterThanOrEqualTo(3);
                assertThat(counters(scheduler, "drift-scan").runs()).isGreaterThanOrEqualTo(3);
            });
            scheduler.close();

            assertThat(threads).isNotEmpty().allMatch(name -> name.matches("driftdeck-job-\\d+"));
            assertThat(harness.runs.recentRuns("state-sync", 100))
                    .allMatch(run -> run.outcome() == RunOutcome.FAILED && run.error().contains("always fails"));
            await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("driftdeck-") && t.isAlive()));
        }
    }

    @Test
    void closeWaitsForAJobThatStopsWhenAsked() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        ScriptedJob scan = new ScriptedJob("drift-scan").then(context -> {
            entered.countDown();
            while (!context.cancelled()) {
                LockSupport.parkNanos(1_000_000); // stands for a step of real work between cancellation checks
            }
            return RunOutcome.CANCELLED;
        });
        try (SchedulerHarness harness = new SchedulerHarness(dir)) {
            JobScheduler scheduler = JobScheduler.create(Clock.systemUTC(), harness.runs,
                    List.of(new JobDefinition(scan, Duration.ofHours(1), true)),
                    new SchedulerOptions(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofHours(1)));
            harness.scheduler = scheduler;
            scheduler.start();
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            scheduler.close();

            assertThat(harness.runs.recentRuns("drift-scan", 10)).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.CANCELLED);
                assertThat(run.error()).as("the job ended itself; close did not have to give up on it").isNull();
            });
        }
    }

    @Test
    void closeNeverInterruptsAJobThatIsInTheDatabase() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> databaseError = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (SchedulerHarness harness = new SchedulerHarness(dir)) {
            // A body that is inside H2 (reading the run history) again and again and does not look at cancellation:
            // close() gives up on it, but must not interrupt it there (H2 closes its file channel on an interrupt).
            ScriptedJob busy = new ScriptedJob("daily-refresh").then(context -> {
                entered.countDown();
                try {
                    while (!released.get()) {
                        harness.runs.recentRuns("daily-refresh", 10);
                    }
                } catch (Throwable e) {
                    databaseError.set(e);
                } finally {
                    interrupted.set(Thread.currentThread().isInterrupted());
                    ended.countDown();
                }
                return RunOutcome.SUCCEEDED;
            });
            JobScheduler scheduler = JobScheduler.create(Clock.systemUTC(), harness.runs,
                    List.of(new JobDefinition(busy, Duration.ofHours(1), true, false)),
                    new SchedulerOptions(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofHours(1)));
            harness.scheduler = scheduler;
            scheduler.start();
            assertThat(scheduler.runNow("daily-refresh").kind()).isEqualTo(RunNowResult.Kind.STARTED);
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            scheduler.close();
            released.set(true);
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(interrupted).as("the job thread was interrupted").isFalse();
            assertThat(databaseError.get()).as("the job's database work failed").isNull();
            assertThat(harness.runs.recentRuns("daily-refresh", 10)).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.CANCELLED);
                assertThat(run.error()).contains("did not stop within 100 ms");
            });
        }
    }

    private static JobCounters counters(JobScheduler scheduler, String job) {
        return scheduler.statuses().stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow().counters();
    }
}
