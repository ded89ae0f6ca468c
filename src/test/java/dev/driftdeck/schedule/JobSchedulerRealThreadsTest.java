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

/** The only scheduler tests on real threads: bounded by Awaitility, with millisecond intervals. */
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

    private static JobCounters counters(JobScheduler scheduler, String job) {
        return scheduler.statuses().stream().filter(s -> s.job().equals(job)).findFirst().orElseThrow().counters();
    }
}
