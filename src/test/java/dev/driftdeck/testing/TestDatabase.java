package dev.driftdeck.testing;

import dev.driftdeck.store.DatabaseLocation;
import java.nio.file.Path;

/**
 * The two databases the store runs on, for tests that must pass on both: annotate the class
 * {@code @ParameterizedClass @EnumSource(TestDatabase.class)} and take a {@code TestDatabase} in its constructor.
 */
public enum TestDatabase {

    /** An H2 file under the test's temp directory. */
    H2 {
        @Override
        public DatabaseLocation fresh(Path dir, String name) {
            return new DatabaseLocation.H2File(dir.resolve(name).toAbsolutePath());
        }
    },

    /** A new database on the JVM's shared {@link PostgresServer}. */
    POSTGRESQL {
        @Override
        public DatabaseLocation fresh(Path dir, String name) {
            return PostgresServer.shared().createDatabase();
        }
    };

    /** A location nothing was written to yet; {@code dir} and {@code name} place an H2 file. */
    public abstract DatabaseLocation fresh(Path dir, String name);
}
