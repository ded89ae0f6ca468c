package dev.driftdeck.store;

/**
 * Where a database's schema stands, for {@code driftdeck db info} and the scheduler gate.
 *
 * @param currentVersion the highest applied version, or null for an empty database
 * @param latestKnown    the highest version this Driftdeck ships
 * @param pending        migrations this Driftdeck would apply
 * @param failed         true when a migration failed part-way and the history says so
 * @param newerThanThis  true when the database was migrated by a newer Driftdeck
 */
public record SchemaInfo(String currentVersion, String latestKnown, int pending, boolean failed, boolean newerThanThis) {

    /** Ready for the scheduler: nothing pending, nothing failed, nothing unknown. */
    public boolean upToDate() {
        return pending == 0 && !failed && !newerThanThis && currentVersion != null;
    }
}
