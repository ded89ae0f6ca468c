package dev.driftdeck.store;

/**
 * What {@link Migrations#migrateAndVerify(Database)} did.
 *
 * @param previousVersion the version before, or null for a new database
 * @param currentVersion  the version now
 * @param applied         how many migrations it applied
 */
public record MigrationResult(String previousVersion, String currentVersion, int applied) {
}
