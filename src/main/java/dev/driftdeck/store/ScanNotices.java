package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on a shared PostgreSQL database's {@link ScanRepository#SCAN_CHANNEL} for the scans other instances store:
 * a dedicated session that ran {@code LISTEN driftdeck}. Only a hint to re-read now: nothing is replayed after a
 * disconnect, so a listener also polls, and re-reads everything after reconnecting.
 */
public final class ScanNotices implements AutoCloseable {

    private final Connection connection;
    private final PGConnection listener;

    private ScanNotices(Connection connection) throws SQLException {
        this.connection = connection;
        this.listener = connection.unwrap(PGConnection.class);
    }

    /**
     * Opens a session of its own on {@code db} and listens.
     *
     * @throws IllegalArgumentException for an H2 database, which has no notifications (one process holds it)
     * @throws DatabaseException        naming the database when it cannot be reached
     */
    public static ScanNotices listen(Database db) {
        if (!db.shared()) {
            throw new IllegalArgumentException("The H2 database " + db.location() + " has no notifications: the"
                    + " process that holds its file stores every scan itself.");
        }
        Connection connection = null;
        try {
            connection = db.connection();
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + ScanRepository.SCAN_CHANNEL);
            }
            return new ScanNotices(connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the first failure is the one worth reporting
                }
            }
            throw new DatabaseException("Listening for new scans on " + db.location() + " failed: " + e.getMessage()
                    + ". The console falls back to reading the database every few seconds.", e);
        }
    }

    /**
     * Waits up to {@code timeout} for announcements and returns the scan ids announced (empty when none came).
     *
     * @throws DatabaseException when the session is lost: close this and listen again, then re-read everything
     */
    public List<Long> await(Duration timeout) {
        try {
            PGNotification[] received = listener.getNotifications((int) Math.max(1, timeout.toMillis()));
            List<Long> ids = new ArrayList<>();
            if (received != null) {
                for (PGNotification notice : received) {
                    try {
                        ids.add(Long.parseLong(notice.getParameter()));
                    } catch (NumberFormatException e) {
                        ids.add(0L); // someone else's NOTIFY on our channel: still a reason to re-read
                    }
                }
            }
            return List.copyOf(ids);
        } catch (SQLException e) {
            throw new DatabaseException("The session listening for new scans was lost: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a lost session is closed already
        }
    }
}
