package dev.driftdeck.ui;

import java.time.Instant;

/**
 * Who leads the shared database the console is on, as plain values for the scheduler page.
 *
 * @param database the database, as messages name it (never with a password)
 * @param leads    whether this console leads, i.e. runs the jobs
 * @param holder   the leader ({@code user@host:pid}) of the newest term, or null before anyone led
 * @param since    when that term began, or null
 * @param held     whether the leader's lock is held now (false: the leader died and no one took over yet)
 */
public record TeamStatus(String database, boolean leads, String holder, Instant since, boolean held) {
}
