package dev.driftdeck.cli;

import dev.driftdeck.store.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH}: the H2 database file path without {@code .mv.db}; defaults to the console's own. */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "PATH",
            description = "Database file path without .mv.db (default: the console's, under the user data directory)")
    Path db;

    Path pathOrDefault() {
        return db != null ? db.toAbsolutePath() : DataDirectory.resolve(null).database();
    }
}
