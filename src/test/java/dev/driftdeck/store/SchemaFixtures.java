package dev.driftdeck.store;

/** Damaged schemas for tests outside this package (the gate in the desktop bootstrap). */
public final class SchemaFixtures {

    private SchemaFixtures() {
    }

    /** Leaves a failed V1 in the schema history, as a crash mid-upgrade would. */
    public static void leaveFailedMigration(Database db) {
        try {
            Migrations.migrateAndVerify(db, "classpath:db/migration-broken");
        } catch (MigrationException expected) {
            // the failure is the point
        }
    }

    /** Migrates to a schema version this Driftdeck does not know (99). */
    public static void applyFutureSchema(Database db) {
        Migrations.migrateAndVerify(db, Migrations.LOCATION, "classpath:db/migration-future");
    }
}
