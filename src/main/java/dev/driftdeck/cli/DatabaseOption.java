package dev.driftdeck.cli;

import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.DatabaseLocation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --db PATH|URL}: the H2 database file path without {@code .mv.db}, or a PostgreSQL URL; defaults to the
 * console's own H2 file.
 */
final class DatabaseOption {

    @Option(names = "--db", paramLabel = "PATH|URL", converter = LocationConverter.class,
            description = "Database: an H2 file path without .mv.db (default: the console's, under the user data"
                    + " directory), or postgresql://host[:port]/database?user=NAME (password from PGPASSWORD or"
                    + " ~/.pgpass)")
    DatabaseLocation db;

    DatabaseLocation locationOrDefault() {
        return db != null ? db : new DatabaseLocation.H2File(DataDirectory.resolve(null).database());
    }

    /** Refuses a value that is neither a path nor a PostgreSQL URL before any command runs (exit code 2). */
    static final class LocationConverter implements ITypeConverter<DatabaseLocation> {
        @Override
        public DatabaseLocation convert(String value) {
            try {
                return DatabaseLocation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
