package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * What a tick does with a due job: one run for the latest slot that has passed, standing for every
 * earlier slot it missed, and the next slot after now on the original phase. Never a burst.
 *
 * @param scheduledFor the latest slot at or before now
 * @param coalesced    the missed slots before it that this run stands for
 * @param nextDueAt    the first slot after now
 * @param skip         true when the latest slot was missed beyond the job's misfire window: no run, wait for
 *                     {@code nextDueAt}
 */
record DueSlots(Instant scheduledFor, int coalesced, Instant nextDueAt, boolean skip) {

    DueSlots(Instant scheduledFor, int coalesced, Instant nextDueAt) {
        this(scheduledFor, coalesced, nextDueAt, false);
    }

    static DueSlots skipped(Instant scheduledFor, int coalesced, Instant nextDueAt) {
        return new DueSlots(scheduledFor, coalesced, nextDueAt, true);
    }

    /** @param firstDue the first slot not yet run; must not be after {@code now} */
    static DueSlots of(Instant firstDue, Duration interval, Instant now) {
        long late = Duration.between(firstDue, now).toMillis();
        long missed = Math.max(0, late) / interval.toMillis();
        Instant latest = firstDue.plus(interval.multipliedBy(missed));
        return new DueSlots(latest, (int) Math.min(missed, Integer.MAX_VALUE), latest.plus(interval));
    }

    /**
     * A next slot more than one interval ahead means the wall clock went back (or the interval was
     * shortened since it was persisted): moves it back by whole intervals into [now, now + interval),
     * keeping the phase, so the job does not stall until the clock catches up.
     */
    static Instant pullBack(Instant nextDue, Duration interval, Instant now) {
        long ahead = Duration.between(now, nextDue).toMillis();
        if (ahead <= interval.toMillis()) {
            return nextDue;
        }
        return nextDue.minus(interval.multipliedBy(ahead / interval.toMillis()));
    }
}
