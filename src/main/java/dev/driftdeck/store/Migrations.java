package dev.driftdeck.store;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Flyway over the plain SQL files in {@code classpath:db/migration}. */
public final class Migrations {

    private static final Pattern CHECKSUM_VERSION = Pattern.compile("checksum mismatch for migration version (\\S+)");

    static final String LOCATION = "classpath:db/migration";
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies pending migrations, then validates the whole history against the migrations this
     * Driftdeck ships.
     *
     * @throws MigrationException naming the reason: a migration that failed earlier or now, an applied
     *                            migration that was edited (checksum mismatch), or a schema newer than this Driftdeck
     */
    public static MigrationResult migrateAndVerify(Database db) {
        return migrateAndVerify(db, LOCATION);
    }

    /** Reads where the schema stands without changing anything. */
    public static SchemaInfo info(Database db) {
        return info(db, LOCATION);
    }

    static MigrationResult migrateAndVerify(Database db, String... locations) {
        Flyway flyway = flyway(db, locations);
        refuseNewerOrFailed(db, flyway);
        MigrateResult migrated;
        try {
            migrated = flyway.migrate();
        } catch (FlywayException e) {
            throw new MigrationException(describeFailure(db, e.getMessage()), e);
        }
        ValidateResult validation = flyway.validateWithResult();
        if (!validation.validationSuccessful) {
            throw new MigrationException(describeFailure(db, validation.getAllErrorMessages()));
        }
        MigrationResult result = new MigrationResult(
                migrated.initialSchemaVersion, currentVersion(flyway), migrated.migrationsExecuted);
        log.info("Database {} at schema version {} ({} migration(s) applied)", db.path(), result.currentVersion(),
                result.applied());
        return result;
    }

    static SchemaInfo info(Database db, String... locations) {
        Flyway flyway = flyway(db, locations);
        MigrationInfo[] all = flyway.info().all();
        String latestKnown = Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElse(null);
        int pending = (int) Arrays.stream(all).filter(m -> m.getState() == MigrationState.PENDING).count();
        boolean failed = Arrays.stream(all).anyMatch(m -> m.getState().isFailed());
        boolean newer = Arrays.stream(all).anyMatch(Migrations::isFuture);
        return new SchemaInfo(currentVersion(flyway), latestKnown, pending, failed, newer);
    }

    private static Flyway flyway(Database db, String... locations) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(locations)
                .cleanDisabled(true)
                .load();
    }

    /**
     * Flyway ignores "future" migrations by default, and a failed one only surfaces as a generic
     * validation error; both deserve their own words before anything is changed.
     */
    private static void refuseNewerOrFailed(Database db, Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        List<MigrationInfo> future = Arrays.stream(all).filter(Migrations::isFuture).toList();
        if (!future.isEmpty()) {
            throw new MigrationException("The database " + db.path() + " has schema version "
                    + future.getLast().getVersion() + ", newer than this Driftdeck knows ("
                    + knownVersions(all) + "). It was written by a newer Driftdeck: upgrade Driftdeck,"
                    + " or start this one with another --data-dir.");
        }
        for (MigrationInfo m : all) {
            if (m.getState().isFailed()) {
                throw new MigrationException("The database " + db.path() + ": migration " + m.getVersion()
                        + " (" + m.getDescription() + ") failed earlier and left the schema half-changed."
                        + " Restore a backup of the database file, or start Driftdeck with another --data-dir.");
            }
        }
    }

    private static String describeFailure(Database db, String flywayMessage) {
        String message = flywayMessage == null ? "unknown Flyway error" : flywayMessage.strip();
        // Flyway's own text (several lines, with links) goes to the log; the operator gets one sentence.
        if (message.toLowerCase().contains("checksum mismatch")) {
            Matcher version = CHECKSUM_VERSION.matcher(message);
            return "The database " + db.path() + " was migrated with a different migration version "
                    + (version.find() ? version.group(1) : "(unknown)") + " than this Driftdeck ships (checksum mismatch)."
                    + " Applied migrations must never be edited; restore the original migration file,"
                    + " or start Driftdeck with another --data-dir.";
        }
        return "Migrating the database " + db.path() + " failed: " + message.lines().findFirst().orElse(message)
                + " Restore a backup of the database file, or start Driftdeck with another --data-dir.";
    }

    private static boolean isFuture(MigrationInfo m) {
        return m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
    }

    private static String knownVersions(MigrationInfo[] all) {
        return Arrays.stream(all)
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion())
                .reduce((a, b) -> b)
                .map(v -> "up to " + v)
                .orElse("no migrations");
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }
}
