package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.testing.ShippedMigrations;
import dev.driftdeck.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class MigrationsTest {

    private static final String LATEST = ShippedMigrations.latest();
    private static final int COUNT = ShippedMigrations.count();

    @TempDir
    Path dir;

    private final TestDatabase kind;
    private final Map<String, DatabaseLocation> locations = new HashMap<>();

    MigrationsTest(TestDatabase kind) {
        this.kind = kind;
    }

    /** The same database for the same name within one test: an H2 file under {@code dir}, or a PostgreSQL one. */
    private DatabaseLocation location(String name) {
        return locations.computeIfAbsent(name, n -> kind.fresh(dir, n));
    }

    @Test
    void freshDatabaseHasEverythingPendingThenMigratesToTheLatestVersion() {
        try (Database db = Database.open(location("fresh"))) {
            SchemaInfo before = Migrations.info(db);
            assertThat(before).isEqualTo(new SchemaInfo(null, LATEST, COUNT, false, false));
            assertThat(before.upToDate()).isFalse();

            MigrationResult result = Migrations.migrateAndVerify(db);

            assertThat(result).isEqualTo(new MigrationResult(null, LATEST, COUNT));
            SchemaInfo after = Migrations.info(db);
            assertThat(after).isEqualTo(new SchemaInfo(LATEST, LATEST, 0, false, false));
            assertThat(after.upToDate()).isTrue();
        }
    }

    /**
     * The checksums Flyway recorded for V1..V5 in every database the released Driftdeck migrated. Validation compares
     * them with the shipped scripts', so an H2 file made by that release validates after the upgrade only while the
     * scripts stay byte for byte what it ran; and PostgreSQL records the same ones: one history for both databases.
     */
    private static final Map<String, Integer> RELEASED_CHECKSUMS = Map.of("1", 1150116065, "2", 89840322,
            "3", -1658293813, "4", -1561182132, "5", 1665059414);

    @Test
    void theReleasedMigrationsKeepTheChecksumsExistingDatabasesRecorded() throws Exception {
        try (Database db = Database.open(location("checksums"))) {
            Migrations.migrateAndVerify(db);

            Map<String, Integer> recorded = new HashMap<>();
            try (Connection connection = db.connection(); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\""
                         + " WHERE \"version\" IS NOT NULL")) {
                while (rows.next()) {
                    recorded.put(rows.getString(1), rows.getInt(2));
                }
            }
            assertThat(recorded).containsAllEntriesOf(RELEASED_CHECKSUMS);
        }
    }

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        DatabaseLocation path = location("twice");
        try (Database db = Database.open(path)) {
            Migrations.migrateAndVerify(db);
        }
        try (Database db = Database.open(path)) {
            assertThat(Migrations.migrateAndVerify(db)).isEqualTo(new MigrationResult(LATEST, LATEST, 0));
        }
    }

    @Test
    void anEditedAppliedMigrationIsAChecksumMismatch() {
        try (Database db = Database.open(location("edited"))) {
            Migrations.migrateAndVerify(db, "classpath:db/migration-edited");

            assertThatThrownBy(() -> Migrations.migrateAndVerify(db))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("version 1")
                    .hasMessageContaining("never be edited");
        }
    }

    @Test
    void aFailingMigrationIsReportedAndThenRefusedAsFailedEarlierOrRolledBack() throws Exception {
        try (Database db = Database.open(location("broken"))) {
            assertThatThrownBy(() -> Migrations.migrateAndVerify(db, "classpath:db/migration-broken"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migrating the database " + db.location() + " failed: ")
                    .hasMessageContaining("V1__broken.sql");

            if (kind == TestDatabase.H2) {
                // H2 commits DDL statement by statement: the history records the failure, and it is refused from then on.
                assertThat(Migrations.info(db, "classpath:db/migration-broken").failed()).isTrue();
                assertThatThrownBy(() -> Migrations.migrateAndVerify(db, "classpath:db/migration-broken"))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining("migration 1 (broken) failed earlier and left the schema half-changed");
            } else {
                // PostgreSQL ran the migration in one transaction: nothing half-done, nothing recorded as failed.
                SchemaInfo info = Migrations.info(db, "classpath:db/migration-broken");
                assertThat(info.failed()).isFalse();
                assertThat(info.currentVersion()).isNull();
                try (Connection connection = db.connection(); Statement sql = connection.createStatement();
                     ResultSet table = sql.executeQuery("SELECT to_regclass('applied_before_the_failure') IS NULL")) {
                    assertThat(table.next() && table.getBoolean(1)).as("the first statement was rolled back").isTrue();
                }
            }
        }
    }

    @Test
    void aSchemaFromANewerDriftdeckIsRefusedBeforeAnythingChanges() {
        try (Database db = Database.open(location("future"))) {
            Migrations.migrateAndVerify(db, Migrations.LOCATION, "classpath:db/migration-future");

            assertThatThrownBy(() -> Migrations.migrateAndVerify(db))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("has schema version 99, newer than this Driftdeck knows (up to " + LATEST + ")")
                    .hasMessageContaining("upgrade Driftdeck");
            assertThat(Migrations.info(db).newerThanThis()).isTrue();
            assertThat(Migrations.info(db).upToDate()).isFalse();
        }
    }
}
