package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;

/**
 * The few statements that differ between the two databases. Everything else the store runs is plain SQL both accept.
 */
enum Dialect {

    /** H2's own upsert, {@code MERGE INTO ... KEY (...)}: one statement, atomic under H2's table locks. */
    H2 {
        @Override
        String upsert(String table, String key, String... columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                    + placeholders(columns.length) + ")";
        }

        @Override
        void serialize(Connection connection, long key) {
            // One process holds the file, and the repositories serialize their own read-modify-write edits.
        }
    },

    /**
     * {@code INSERT ... ON CONFLICT DO UPDATE}: unlike standard {@code MERGE}, atomic when two consoles write the
     * same key at once (PostgreSQL's {@code MERGE} can fail such a race with a unique violation).
     */
    POSTGRESQL {
        @Override
        String upsert(String table, String key, String... columns) {
            String updates = Arrays.stream(columns).filter(c -> !c.equals(key))
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + placeholders(columns.length) + ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates;
        }

        @Override
        void serialize(Connection connection, long key) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
        }
    };

    /** Inserts the row, or updates every other column of the row with the same {@code key}; one ? per column. */
    abstract String upsert(String table, String key, String... columns);

    /**
     * Makes the rest of the caller's transaction wait for any other transaction that serialized on {@code key}
     * (two consoles editing the ignore rules at once: each edit reads the rules and writes them back); released at
     * commit or rollback.
     */
    abstract void serialize(Connection connection, long key) throws SQLException;

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
