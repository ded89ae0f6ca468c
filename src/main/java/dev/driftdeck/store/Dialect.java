package dev.driftdeck.store;

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
    };

    /** Inserts the row, or updates every other column of the row with the same {@code key}; one ? per column. */
    abstract String upsert(String table, String key, String... columns);

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
