package dev.driftdeck.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's only command line: nothing, {@code --data-dir PATH} to keep the data somewhere other than the OS
 * location (brief, section 11), {@code --db PATH|URL} to open another database (a team's PostgreSQL), or both, each
 * also as {@code --name=value}. Anything else is the CLI's.
 *
 * @param dataDir  the data directory asked for, or null for {@code DRIFTDECK_HOME} / the OS convention
 * @param database the database asked for ({@code --db}'s forms, checked at boot), or null for the console's setting
 */
record DesktopArguments(Path dataDir, String database) {

    private static final String DATA_DIR = "--data-dir";
    private static final String DB = "--db";

    DesktopArguments(Path dataDir) {
        this(dataDir, null);
    }

    /** The console's arguments, or empty when {@code args} are a CLI command line. */
    static Optional<DesktopArguments> parse(String[] args) {
        String dataDir = null;
        String database = null;
        for (int i = 0; i < args.length; i++) {
            String name;
            String value;
            int equals = args[i].indexOf('=');
            if (args[i].startsWith("--") && equals > 0) {
                name = args[i].substring(0, equals);
                value = args[i].substring(equals + 1);
            } else if (i + 1 < args.length) {
                name = args[i];
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isBlank()) {
                return Optional.empty();
            }
            if (name.equals(DATA_DIR) && dataDir == null) {
                dataDir = value;
            } else if (name.equals(DB) && database == null) {
                database = value;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new DesktopArguments(dataDir == null ? null : Path.of(dataDir), database));
    }
}
