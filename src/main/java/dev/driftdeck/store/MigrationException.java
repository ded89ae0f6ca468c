package dev.driftdeck.store;

/** The schema could not be brought to, or verified at, the version this Driftdeck expects. */
public final class MigrationException extends DatabaseException {

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrationException(String message) {
        super(message, null);
    }
}
