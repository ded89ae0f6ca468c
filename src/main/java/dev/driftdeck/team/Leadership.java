package dev.driftdeck.team;

import dev.driftdeck.store.LeaderStatus;

/**
 * Who leads a shared database, as one instance sees it.
 *
 * @param leads  whether this instance leads (runs the jobs)
 * @param leader the leader row and whether its lock is held now
 */
public record Leadership(boolean leads, LeaderStatus leader) {
}
