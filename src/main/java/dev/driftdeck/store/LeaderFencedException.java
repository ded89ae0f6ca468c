package dev.driftdeck.store;

import java.sql.SQLException;

/**
 * A leader write refused because the writer's leadership term no longer holds: its lock connection died, or
 * another instance acquired the lock since (the database's fencing epoch moved). Nothing of the write was stored.
 */
public final class LeaderFencedException extends SQLException {

    LeaderFencedException(String message) {
        super(message, "DDLF1");
    }

    LeaderFencedException(String message, Throwable cause) {
        super(message, "DDLF1", cause);
    }
}
