package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's lock of a shared PostgreSQL database: a session-level {@code pg_try_advisory_lock} held on a
 * dedicated connection of its own (never one a pool could hand to someone else), so the lock lives exactly as long
 * as that session. Each acquisition bumps the fencing epoch in the {@code leader} row and starts a
 * {@link LeaderTerm}; see DECISIONS "One scheduler per database".
 */
public final class LeaderLock implements AutoCloseable {

    /** The advisory lock's key ("driftdkk" in ASCII): the same in every Driftdeck, so they contend for one lock. */
    static final long KEY = 0x6472696674646b6bL;
    /** A lock connection that does not answer within this is treated as lost (a silent network cut). */
    private static final int NETWORK_TIMEOUT_MILLIS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

    private final Database db;
    private final String holder;
    /** The last refusal logged, so a follower that tries every 2 s says it once, not every time. */
    private String lastRefusal;
    private Connection connection;
    private LeaderTerm term;

    /**
     * @param holder who this instance is ({@code user@host:pid}), written into the {@code leader} row
     * @throws IllegalArgumentException for an H2 database: one process holds its file, there is nothing to elect
     */
    public LeaderLock(Database db, String holder) {
        if (!db.shared()) {
            throw new IllegalArgumentException("The H2 database " + db.location() + " is held by one Driftdeck at a"
                    + " time (its file lock); leader election is for a shared PostgreSQL database only.");
        }
        this.db = db;
        this.holder = holder;
    }

    /**
     * Tries once to take the lock; on success bumps the epoch and returns the new term. Any failure (the server
     * unreachable, the connection cut) is logged and reads as "not now": the caller tries again later.
     */
    public synchronized Optional<LeaderTerm> tryAcquire() {
        if (term != null) {
            return Optional.of(term);
        }
        try {
            if (connection == null) {
                connection = db.connection();
                connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
                connection.setAutoCommit(true);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            Optional<String> refusal = SessionCheck.refusal(db.location(), lockHolderPid(connection),
                    backendPid(connection), backendPid(connection));
            if (refusal.isPresent()) {
                if (!refusal.get().equals(lastRefusal)) {
                    log.error(refusal.get());
                }
                lastRefusal = refusal.get();
                // Best effort: the unlock lands on whichever backend the pooler picks; closing ends our side.
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, KEY);
                    unlock.execute();
                }
                drop();
                return Optional.empty();
            }
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE leader SET epoch = epoch + 1, holder = ?, since = now() WHERE id = 1 RETURNING epoch")) {
                bump.setString(1, holder);
                try (ResultSet row = bump.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("The leader row of " + db.location() + " is missing; run"
                                + " 'driftdeck migrate --db " + db.location() + "'");
                    }
                    term = new LeaderTerm(row.getLong(1), this);
                }
            }
            log.info("{} leads {} (term {})", holder, db.location(), term.epoch());
            return Optional.of(term);
        } catch (SQLException e) {
            log.warn("Could not contend for the leadership of {}: {}; trying again later", db.location(),
                    e.getMessage());
            drop();
            return Optional.empty();
        }
    }

    /**
     * Whether {@code candidate} is this lock's current term and its connection answers ({@code SELECT 1}). A
     * connection that fails is dropped (which frees the lock on the server if it still held it) and the term ends.
     */
    public synchronized boolean holds(LeaderTerm candidate) {
        if (term == null || candidate != term) {
            return false;
        }
        try (Statement ping = connection.createStatement(); ResultSet row = ping.executeQuery("SELECT 1")) {
            return row.next();
        } catch (SQLException e) {
            log.warn("{} lost the leader's lock connection to {} ({}): the term {} ends", holder, db.location(),
                    e.getMessage(), term.epoch());
            drop();
            return false;
        }
    }

    /** Unlocks and closes the lock connection; the next leader takes over at its next try. */
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        if (term != null) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
                log.info("{} released the leadership of {} (term {})", holder, db.location(), term.epoch());
            } catch (SQLException e) {
                log.warn("Could not unlock the leadership of {} ({}); closing its connection frees it", db.location(),
                        e.getMessage());
            }
        }
        drop();
    }

    @Override
    public void close() {
        release();
    }

    /**
     * Who leads {@code db}: the newest term's holder and start, and whether its lock is held now.
     *
     * @throws DatabaseException naming the database when it cannot be read
     */
    public static LeaderStatus status(Database db) {
        try (Connection c = db.connection();
             PreparedStatement select = c.prepareStatement("SELECT epoch, holder, since FROM leader WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return new LeaderStatus(0, null, null, false);
            }
            return new LeaderStatus(row.getLong("epoch"), row.getString("holder"), Columns.getInstant(row, "since"),
                    db.shared() && lockHeld(c));
        } catch (SQLException e) {
            throw new DatabaseException("Reading who leads " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    private static long backendPid(Connection c) throws SQLException {
        try (Statement select = c.createStatement(); ResultSet row = select.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The backend holding the leader's advisory lock, or null when none does. */
    private static Long lockHolderPid(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
                + " AND granted AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ?")) {
            select.setLong(1, KEY >>> 32);
            select.setLong(2, KEY & 0xffffffffL);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private static boolean lockHeld(Connection c) throws SQLException {
        // A bigint advisory key shows in pg_locks as its high half in classid and its low half in objid.
        try (PreparedStatement select = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                               AND classid::bigint = ? AND objid::bigint = ?)""")) {
            select.setLong(1, KEY >>> 32);
            select.setLong(2, KEY & 0xffffffffL);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    String holder() {
        return holder;
    }

    DatabaseLocation database() {
        return db.location();
    }

    private void drop() {
        term = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the lock connection of {} failed", db.location(), e);
            }
            connection = null;
        }
    }
}
