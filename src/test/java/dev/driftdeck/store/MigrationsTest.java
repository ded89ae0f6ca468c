package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.testing.ShippedMigrations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    private static final String LATEST = ShippedMigrations.latest();
    private static final int COUNT = ShippedMigrations.count();

    @TempDir
    Path dir;

    @Test
    void freshDatabaseHasEverythingPendingThenMigratesToTheLatestVersion() {
        try (Database db = Database.open(dir.resolve("fresh"))) {
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

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        Path path = dir.resolve("twice");
        try (Database db = Database.open(path)) {
            Migrations.migrateAndVerify(db);
        }
        try (Database db = Database.open(path)) {
            assertThat(Migrations.migrateAndVerify(db)).isEqualTo(new MigrationResult(LATEST, LATEST, 0));
        }
    }

    @Test
    void anEditedAppliedMigrationIsAChecksumMismatch() {
        try (Database db = Database.open(dir.resolve("edited"))) {
            Migrations.migrateAndVerify(db, "classpath:db/migration-edited");

            assertThatThrownBy(() -> Migrations.migrateAndVerify(db))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("checksum mismatch")
                    .hasMessageContaining("version 1")
                    .hasMessageContaining("never be edited");
        }
    }

    @Test
    void aFailingMigrationIsReportedAndThenRefusedAsFailedEarlier() {
        try (Database db = Database.open(dir.resolve("broken"))) {
            assertThatThrownBy(() -> Migrations.migrateAndVerify(db, "classpath:db/migration-broken"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("Migrating the database " + db.path() + " failed: ")
                    .hasMessageContaining("V1__broken.sql");

            assertThat(Migrations.info(db, "classpath:db/migration-broken").failed()).isTrue();
            assertThatThrownBy(() -> Migrations.migrateAndVerify(db, "classpath:db/migration-broken"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("migration 1 (broken) failed earlier and left the schema half-changed");
        }
    }

    @Test
    void aSchemaFromANewerDriftdeckIsRefusedBeforeAnythingChanges() {
        try (Database db = Database.open(dir.resolve("future"))) {
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
