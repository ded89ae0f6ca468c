package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.JobCounters;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.ui.Statuses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.driftdeck.ui.Statuses.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class JobLineTest {

    @Test
    void idleJobWithAFinishedRun() {
        JobLine line = JobLine.of(Statuses.scanIdle(), NOW);

        assertThat(line.state()).isEqualTo("IDLE");
        assertThat(line.lastRun()).isEqualTo("SUCCEEDED in 2.3 s, 5 min ago");
        assertThat(line.nextRun()).isEqualTo("next in 4m 10s");
        assertThat(line.counters()).isEqualTo("runs 12 · failures 1 · skipped 2 · coalesced 3 · merged 1");
        assertThat(line.reason()).isEmpty();
    }

    @Test
    void theCountdownMovesWithTheClock() {
        assertThat(JobLine.of(Statuses.scanIdle(), NOW.plusSeconds(9)).nextRun()).isEqualTo("next in 4m 1s");
        assertThat(JobLine.of(Statuses.scanIdle(), NOW.plusSeconds(245)).nextRun()).isEqualTo("next in 5s");
        assertThat(JobLine.of(Statuses.scanIdle(), NOW.plusSeconds(250)).nextRun()).isEqualTo("due now");
        assertThat(JobLine.of(Statuses.scanIdle(), NOW.plusSeconds(400)).nextRun()).isEqualTo("due now");
    }

    @Test
    void runningJobSaysForHowLong() {
        JobLine line = JobLine.of(Statuses.scanRunning(false), NOW);

        assertThat(line.state()).isEqualTo("RUNNING");
        assertThat(line.lastRun()).isEqualTo("running for 12.0 s (manual)");
    }

    @Test
    void queuedFollowUpIsVisibleInTheState() {
        assertThat(JobLine.of(Statuses.scanRunning(true), NOW).state()).isEqualTo("RUNNING · follow-up queued");
    }

    @Test
    void failingJobShowsOutcomeAndReason() {
        JobLine line = JobLine.of(Statuses.dailyBackingOff(NOW), NOW);

        assertThat(line.state()).isEqualTo("BACKING_OFF");
        assertThat(line.lastRun()).isEqualTo("FAILED in 4.0 s, 3 h ago");
        assertThat(line.nextRun()).isEqualTo("next in 8m 0s");
        assertThat(line.reason()).contains("sts:GetCallerIdentity denied");
    }

    @Test
    void neverRanAndPausedJobs() {
        JobStatus paused = new JobStatus("state-sync", JobState.PAUSED, null, null, JobCounters.ZERO, false, null);

        JobLine line = JobLine.of(paused, NOW);

        assertThat(line.lastRun()).isEqualTo("never ran");
        assertThat(line.nextRun()).isEqualTo("paused");
        assertThat(line.counters()).isEqualTo("runs 0 · failures 0 · skipped 0 · coalesced 0 · merged 0");
    }

    @Test
    void longCountdownsUseHoursAndDays() {
        JobStatus daily = new JobStatus("daily-refresh", JobState.IDLE, null, NOW.plus(Duration.ofHours(16).plusMinutes(5)),
                JobCounters.ZERO, false, null);

        assertThat(JobLine.of(daily, NOW).nextRun()).isEqualTo("next in 16h 05m");
        assertThat(JobLine.of(daily, NOW.minus(Duration.ofDays(2))).nextRun()).isEqualTo("next in 2d 16h");
    }

    @Test
    void aFailedRunShowsItsErrorAndTheFixUntilARunEndsOtherwise() {
        Instant finished = NOW.minusSeconds(10);
        JobRun failed = new JobRun(3, "drift-scan", Trigger.MANUAL, finished.minusSeconds(1), finished.minusSeconds(1),
                finished, RunOutcome.FAILED, """
                dev.driftdeck.scan.ScanConfigurationException: No AWS region given: pass --region, set AWS_REGION, or \
                set a region in the default profile.
                \tat dev.driftdeck.scan.Regions.resolve(Regions.java:57)
                """, 0);
        JobStatus backingOff = new JobStatus("drift-scan", JobState.BACKING_OFF, failed, NOW.plus(Duration.ofMinutes(30)),
                new JobCounters(1, 1, 0, 0, 0), false, "1 consecutive failure(s); no scheduled attempt before 11:10.");

        JobLine line = JobLine.of(backingOff, NOW);

        assertThat(line.error()).isEqualTo("No AWS region is set, and the AWS profile names none (nor does AWS_REGION).");
        assertThat(line.fix()).isEqualTo("Open Settings → AWS access and pick the region(s) to scan.");
        assertThat(line.failure()).isEqualTo("drift-scan failed: " + line.error() + " " + line.fix() + " (next in 30m 0s)");
        assertThat(JobLine.of(Statuses.scanIdle(), NOW).failure()).isEmpty();
        assertThat(JobLine.of(Statuses.scanRunning(false), NOW).error()).as("a new run is under way").isEmpty();
    }
}
