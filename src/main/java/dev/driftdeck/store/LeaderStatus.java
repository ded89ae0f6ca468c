package dev.driftdeck.store;

import java.time.Instant;

/**
 * Who leads a shared database, as every instance can read it.
 *
 * @param epoch  the fencing epoch of the newest term (0 before anyone led)
 * @param holder {@code user@host:pid} of the newest term's instance, or null before anyone led
 * @param since  when that term began, or null
 * @param held   whether some session holds the leader's lock right now (false: the leader died and no one has
 *               taken over yet)
 */
public record LeaderStatus(long epoch, String holder, Instant since, boolean held) {
}
