package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The daily job's slot: DST gaps and overlaps, and the misfire window. */
class DailyScheduleTest extends SchedulerHarnessTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void springForwardGapRunsAtTheFirstValidInstantAfterIt() {
        Schedule.DailyAt berlin = daily(LocalTime.of(2, 30), BERLIN, Duration.ofHours(6));
        // 2026-03-29: Berlin clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist.
        assertThat(berlin.slotOn(LocalDate.parse("2026-03-28"))).isEqualTo(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(berlin.slotOn(LocalDate.parse("2026-03-29"))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(berlin.slotOn(LocalDate.parse("2026-03-30"))).isEqualTo(Instant.parse("2026-03-30T00:30:00Z"));

        ScriptedJob refresh = new ScriptedJob("daily-refresh");
        harness.moveTo(Instant.parse("2026-03-07T12:00:00Z"));
        JobScheduler scheduler = harness.start(definition(refresh, daily(LocalTime.of(2, 30), NEW_YORK, Duration.ofHours(6))));
        // 2026-03-08: New York jumps from 02:00 EST to 03:00 EDT (07:00Z).
        harness.moveTo(Instant.parse("2026-03-08T06:59:59Z"));
        scheduler.tick();
        assertThat(harness.workers.pending()).isZero();

        harness.moveTo(Instant.parse("2026-03-08T07:00:00Z"));
        scheduler.tick();
        assertThat(harness.workers.runAll()).isOne();
        assertThat(harness.history("daily-refresh")).singleElement()
                .extracting(JobRun::scheduledFor).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void fallBackOverlapRunsOnceAtTheFirstOccurrence() {
        ScriptedJob refresh = new ScriptedJob("daily-refresh");
        harness.moveTo(Instant.parse("2026-10-24T12:00:00Z"));
        JobScheduler scheduler = harness.start(definition(refresh, daily(LocalTime.of(2, 30), BERLIN, Duration.ofHours(6))));
        // 2026-10-25: Berlin's 02:30 happens twice, at 00:30Z (CEST) and 01:30Z (CET).
        for (String at : new String[] {"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T01:45:00Z"}) {
            harness.moveTo(Instant.parse(at));
            scheduler.tick();
            harness.workers.runAll();
        }
        assertThat(harness.history("daily-refresh")).singleElement()
                .extracting(JobRun::scheduledFor).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));

        // New York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); one slot, the first.
        Schedule.DailyAt ny = daily(LocalTime.of(1, 30), NEW_YORK, Duration.ofHours(6));
        assertThat(ny.slotAfter(Instant.parse("2026-11-01T05:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(ny.slotAfter(Instant.parse("2026-11-01T05:30:00Z"))).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void aSlotMissedWithinTheMisfireWindowRunsOnceLate() {
        ScriptedJob refresh = new ScriptedJob("daily-refresh");
        harness.moveTo(Instant.parse("2026-11-28T03:00:00Z"));
        JobScheduler scheduler = harness.start(definition(refresh, daily(LocalTime.of(3, 30), ZoneId.of("UTC"), Duration.ofHours(1))));

        harness.jumpWall(Duration.ofMinutes(80)); // asleep over 03:30, awake at 04:20
        scheduler.tick();

        assertThat(harness.workers.runAll()).isOne();
        assertThat(harness.history("daily-refresh")).singleElement()
                .extracting(JobRun::scheduledFor).isEqualTo(Instant.parse("2026-11-28T03:30:00Z"));
    }

    @Test
    void aSlotMissedBeyondTheMisfireWindowWaitsForTheNextDay() {
        ScriptedJob refresh = new ScriptedJob("daily-refresh");
        harness.moveTo(Instant.parse("2026-11-28T03:00:00Z"));
        JobScheduler scheduler = harness.start(definition(refresh, daily(LocalTime.of(3, 30), ZoneId.of("UTC"), Duration.ofHours(1))));

        harness.jumpWall(Duration.ofHours(11)); // asleep until 14:00
        scheduler.tick();

        assertThat(harness.workers.pending()).isZero();
        assertThat(harness.history("daily-refresh")).isEmpty();
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-11-29T03:30:00Z"));
        assertThat(harness.runs.loadSchedule("daily-refresh").orElseThrow().nextDueAt())
                .as("the skip is persisted").isEqualTo(Instant.parse("2026-11-29T03:30:00Z"));

        harness.moveTo(Instant.parse("2026-11-29T03:30:00Z"));
        scheduler.tick();
        assertThat(harness.workers.runAll()).isOne();
    }

    @Test
    void aDailyTimeChangedFromTheConsoleAppliesAtOnceAndSurvivesARestart() {
        harness.moveTo(Instant.parse("2026-11-28T10:00:00Z"));
        JobScheduler scheduler = harness.start(definition(new ScriptedJob("daily-refresh"),
                daily(LocalTime.of(3, 30), ZoneId.of("UTC"), Duration.ofHours(1))));
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-11-29T03:30:00Z"));

        scheduler.reschedule("daily-refresh", daily(LocalTime.of(12, 0), ZoneId.of("UTC"), Duration.ofHours(1)));
        assertThat(harness.status("daily-refresh").nextRunAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        scheduler.close();

        harness.start(definition(new ScriptedJob("daily-refresh"), daily(LocalTime.of(3, 30), ZoneId.of("UTC"), Duration.ofHours(1))));
        JobStatus restarted = harness.status("daily-refresh");
        assertThat(restarted.schedule()).isEqualTo(daily(LocalTime.of(12, 0), ZoneId.of("UTC"), Duration.ofHours(1)));
        assertThat(restarted.nextRunAt()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    }

    static Schedule.DailyAt daily(LocalTime time, ZoneId zone, Duration window) {
        return new Schedule.DailyAt(time, zone, window);
    }

    static JobDefinition definition(Job job, Schedule schedule) {
        return new JobDefinition(job, schedule, true, false, null, Duration.ZERO);
    }
}
