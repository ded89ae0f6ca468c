package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void defaultsUntilSavedThenWhatWasSavedEvenAfterReopening() {
        Path path = dir.resolve("driftdeck");
        ConsoleSettings saved = new ConsoleSettings(List.of("states/**/*.tfstate", "s3://tf/prod.tfstate"),
                List.of("eu-west-1", "us-east-1"), "ops", "http://localhost:5000", true, 7);
        try (Database db = Database.open(path)) {
            Migrations.migrateAndVerify(db);
            SettingsRepository settings = new SettingsRepository(db);
            assertThat(settings.load()).isEqualTo(ConsoleSettings.defaults());

            settings.save(saved);
        }
        try (Database db = Database.open(path)) {
            assertThat(new SettingsRepository(db).load()).isEqualTo(saved);
        }
    }

    @Test
    void savingNullsClearsEarlierValues() {
        try (Database db = Database.open(dir.resolve("driftdeck"))) {
            Migrations.migrateAndVerify(db);
            SettingsRepository settings = new SettingsRepository(db);
            settings.save(new ConsoleSettings(List.of("a"), List.of(), "ops", "http://x", true, 5));

            ConsoleSettings cleared = new ConsoleSettings(List.of("a"), List.of(), null, null, false, 5);
            settings.save(cleared);

            assertThat(settings.load()).isEqualTo(cleared);
        }
    }
}
