package dev.driftdeck.store;

import java.nio.file.Path;

/** Another process (normally another Driftdeck) holds the database file lock. */
public final class DatabaseLockedException extends DatabaseException {

    private final Path database;

    public DatabaseLockedException(Path database, Throwable cause) {
        super("The database " + database + " is already open in another Driftdeck. "
                + "Close it, or start this one with another --data-dir.", cause);
        this.database = database;
    }

    public Path database() {
        return database;
    }
}
