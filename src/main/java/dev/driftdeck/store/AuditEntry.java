package dev.driftdeck.store;

import java.time.Instant;

/**
 * One row of the append-only audit log.
 *
 * @param subject {@link AuditLog#SETTING}, {@link AuditLog#SOURCE} or {@link AuditLog#IGNORE_RULE}
 * @param item    the setting's key, the source as configured, or the rule line
 * @param action  ADDED, REMOVED or CHANGED
 * @param before  the value before (settings), or null
 * @param after   the value after (settings), or null
 */
public record AuditEntry(long id, Instant at, String by, String subject, String item, String action, String before,
                         String after) {

    /** The stamp the pages show beside the item. */
    public ChangeStamp stamp() {
        return new ChangeStamp(action, by, at);
    }
}
