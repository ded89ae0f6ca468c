package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A tick saw the wall clock move differently from the monotonic clock: the laptop slept, or the clock was set.
 *
 * @param from the wall-clock time of the tick before
 * @param to   the wall-clock time of the tick that noticed
 * @param by   how far the wall clock moved beyond (positive) or short of (negative) real elapsed time
 */
public record ClockJump(Instant from, Instant to, Duration by) {
}
