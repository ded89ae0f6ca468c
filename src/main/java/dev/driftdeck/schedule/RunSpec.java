package dev.driftdeck.schedule;

import java.time.Instant;

/** A run the scheduler decided to start: why, for which slot, standing for how many missed slots. */
record RunSpec(Trigger trigger, Instant scheduledFor, int coalescedSlots) {
}
