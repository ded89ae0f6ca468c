package dev.driftdeck.schedule;

import static dev.driftdeck.schedule.SchedulerHarness.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DueSlotsTest {

    static final Duration FIVE = Duration.ofMinutes(5);

    @Test
    void onTimeIsOneRunForItsOwnSlot() {
        assertThat(DueSlots.of(time("10:05:00"), FIVE, time("10:05:00")))
                .isEqualTo(new DueSlots(time("10:05:00"), 0, time("10:10:00")));
        assertThat(DueSlots.of(time("10:05:00"), FIVE, time("10:09:59")))
                .isEqualTo(new DueSlots(time("10:05:00"), 0, time("10:10:00")));
    }

    @Test
    void aLaptopAsleepOvernightIsOneRunAndTheNextSlotOnPhase() {
        assertThat(DueSlots.of(time("00:05:00"), FIVE, time("08:03:30")))
                .isEqualTo(new DueSlots(time("08:00:00"), 95, time("08:05:00")));
    }

    @Test
    void aClockThatWentBackPullsTheNextSlotBackOnPhase() {
        assertThat(DueSlots.pullBack(time("10:25:00"), FIVE, time("10:21:00"))).isEqualTo(time("10:25:00"));
        assertThat(DueSlots.pullBack(time("10:25:00"), FIVE, time("10:20:00"))).isEqualTo(time("10:25:00"));
        assertThat(DueSlots.pullBack(time("13:25:00"), FIVE, time("10:21:00"))).isEqualTo(time("10:25:00"));
        assertThat(DueSlots.pullBack(time("13:25:00"), FIVE, time("10:20:00"))).isEqualTo(time("10:20:00"));
    }

    @Test
    void backoffDoublesFromTwiceTheIntervalAndStopsAtTheCap() {
        Duration cap = Duration.ofHours(1);
        assertThat(Backoff.after(0, FIVE, cap)).isZero();
        assertThat(Backoff.after(1, FIVE, cap)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.after(2, FIVE, cap)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Backoff.after(3, FIVE, cap)).isEqualTo(Duration.ofMinutes(40));
        assertThat(Backoff.after(4, FIVE, cap)).isEqualTo(cap);
        assertThat(Backoff.after(10_000, FIVE, cap)).isEqualTo(cap);
    }
}
