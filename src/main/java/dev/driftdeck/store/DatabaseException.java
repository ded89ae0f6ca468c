package dev.driftdeck.store;

/** The database could not be opened or used; the message names the database file and what to do. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
