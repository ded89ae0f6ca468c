package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Anacron-style catch-up of a daily job at start: a laptop opened after the misfire window of its 03:30 slot runs the
 * job once, soon after start, when the run history has no successful run since that slot. Every tick is by hand.
 */
class DailyCatchUpTest extends SchedulerHarnessTest {

    static final Schedule.DailyAt AT_0330 = new Schedule.DailyAt(LocalTime.of(3, 30), ZoneId.of("UTC"), Duration.ofHours(6));
    static final Instant TODAY_0330 = Instant.parse("2026-11-28T03:30:00Z");

    @Test
    void aLaptopFirstOpenedAfterTheWindowCatchesUpOnceSoonAfterStart() {
        succeededAt(Instant.parse("2026-11-27T03:31:00Z"));
        // Closed yesterday evening: the persisted next slot is today's 03:30, which passed six and a half hours ago.
        harness.runs.saveSchedule("daily-refresh", new RunStore.JobSchedule(TODAY_0330, false));

        JobScheduler scheduler = harness.boot(daily(new ScriptedJob("daily-refresh")));
        scheduler.tick();
        assertThat(harness.workers.pending()).as("not in the first minute of the console").isZero();
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(SchedulerHarness.time("10:01:00"));

        harness.at("10:01:00");
        scheduler.tick();
        assertThat(harness.workers.runAll()).isOne();
        harness.at("10:30:00");
        scheduler.tick();
        assertThat(harness.workers.pending()).as("once").isZero();

        assertThat(harness.history("daily-refresh")).last().satisfies(run -> {
            assertThat(run.trigger().name()).isEqualTo("CATCH_UP");
            assertThat(run.scheduledFor()).as("the slot it stands for").isEqualTo(TODAY_0330);
            assertThat(run.startedAt()).isEqualTo(SchedulerHarness.time("10:01:00"));
            assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        });
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-11-29T03:30:00Z"));

        harness.moveTo(Instant.parse("2026-11-29T03:30:00Z"));
        scheduler.tick();
        assertThat(harness.workers.runAll()).as("tomorrow's slot as usual").isOne();
    }

    @Test
    void aFirstEverStartAfterTheSlotAlsoCatchesUp() {
        JobScheduler scheduler = harness.boot(daily(new ScriptedJob("daily-refresh")));

        harness.at("10:01:00");
        scheduler.tick();

        assertThat(harness.workers.runAll()).isOne();
        assertThat(harness.history("daily-refresh")).singleElement()
                .satisfies(run -> assertThat(run.trigger().name()).isEqualTo("CATCH_UP"));
    }

    @Test
    void aRunNowBeforeTheCatchUpStandsForIt() {
        JobScheduler scheduler = harness.boot(daily(new ScriptedJob("daily-refresh")));
        harness.at("10:00:30");
        assertThat(scheduler.runNow("daily-refresh").kind()).isEqualTo(RunNowResult.Kind.STARTED);
        harness.workers.runAll();

        harness.at("10:01:00");
        scheduler.tick();

        assertThat(harness.workers.pending()).isZero();
        assertThat(harness.history("daily-refresh")).extracting(JobRun::trigger).containsExactly(Trigger.MANUAL);
    }

    @Test
    void aFailedRunSinceTheSlotIsNoCatchUpButASuccessfulOneIs() {
        long failed = harness.runs.runStarted("daily-refresh", Trigger.SCHEDULED, TODAY_0330, TODAY_0330, 0);
        harness.runs.runFinished(failed, TODAY_0330.plusSeconds(5), RunOutcome.FAILED, "AWS said no");
        JobScheduler scheduler = harness.boot(daily(new ScriptedJob("daily-refresh")));
        harness.at("10:01:00");
        scheduler.tick();
        assertThat(harness.workers.runAll()).as("a failed run did not do the work").isOne();
        scheduler.close();

        harness.at("11:00:00");
        JobScheduler restarted = harness.boot(daily(new ScriptedJob("daily-refresh")));
        harness.at("11:30:00");
        restarted.tick();
        assertThat(harness.workers.pending()).as("the catch-up succeeded: nothing more today").isZero();
    }

    @Test
    void noCatchUpWhenTheTickRunsTheSlotWithinItsWindow() {
        succeededAt(Instant.parse("2026-11-27T03:31:00Z"));
        harness.runs.saveSchedule("daily-refresh", new RunStore.JobSchedule(TODAY_0330, false));
        harness.moveTo(Instant.parse("2026-11-28T05:00:00Z"));

        JobScheduler scheduler = harness.boot(daily(new ScriptedJob("daily-refresh")));
        scheduler.tick();
        harness.workers.runAll();
        harness.at("06:00:00");
        scheduler.tick();
        harness.workers.runAll();

        assertThat(harness.history("daily-refresh")).extracting(JobRun::trigger)
                .containsExactly(Trigger.SCHEDULED, Trigger.SCHEDULED);
    }

    private void succeededAt(Instant startedAt) {
        long id = harness.runs.runStarted("daily-refresh", Trigger.SCHEDULED, startedAt, startedAt, 0);
        harness.runs.runFinished(id, startedAt.plusSeconds(5), RunOutcome.SUCCEEDED, null);
    }

    private static JobDefinition daily(Job job) {
        return new JobDefinition(job, AT_0330, true, false, null, Duration.ZERO);
    }
}
