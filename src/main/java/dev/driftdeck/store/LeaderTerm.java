package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One leadership term: the fencing epoch an instance got when it acquired the leader's lock (Kleppmann's token).
 * A write of this term goes through only while the term holds: the lock connection answers and the database's
 * epoch is still this one. {@link #NONE} is the unfenced term of H2 and of every write that is not the leader's.
 */
public final class LeaderTerm {

    /** No team mode: nothing to check. */
    public static final LeaderTerm NONE = new LeaderTerm(0, null);

    private final long epoch;
    private final LeaderLock lock;

    LeaderTerm(long epoch, LeaderLock lock) {
        this.epoch = epoch;
        this.lock = lock;
    }

    /** The fencing epoch of this term; a later term of any instance has a larger one. */
    public long epoch() {
        return epoch;
    }

    /**
     * On the connection of a write transaction: lock connection alive, then the epoch read {@code FOR SHARE} (so a
     * new leader's bump waits for this transaction) and compared.
     *
     * @throws LeaderFencedException when the term no longer holds; the caller's transaction rolls back
     */
    void check(Connection connection) throws SQLException {
        if (lock == null) {
            return;
        }
        if (!lock.holds(this)) {
            throw new LeaderFencedException("This Driftdeck (" + lock.holder() + ") lost the leader's lock on "
                    + lock.database() + " (term " + epoch + "): nothing was stored; another instance takes over.");
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch FROM leader WHERE id = 1 FOR SHARE");
             ResultSet row = select.executeQuery()) {
            long current = row.next() ? row.getLong(1) : -1;
            if (current != epoch) {
                throw new LeaderFencedException("This Driftdeck (" + lock.holder() + ") is no longer the leader of "
                        + lock.database() + ": its term is " + epoch + ", the database's " + current
                        + " (another instance acquired the lock since). Nothing was stored.");
            }
        }
    }

    @Override
    public String toString() {
        return "term " + epoch;
    }
}
