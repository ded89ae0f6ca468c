package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class SettingsRepositoryTest {

    @TempDir
    Path dir;

    private final TestDatabase kind;
    private final Map<String, DatabaseLocation> locations = new HashMap<>();

    SettingsRepositoryTest(TestDatabase kind) {
        this.kind = kind;
    }

    /** The same database for the same name within one test: an H2 file under {@code dir}, or a PostgreSQL one. */
    private DatabaseLocation location(String name) {
        return locations.computeIfAbsent(name, n -> kind.fresh(dir, n));
    }

    @Test
    void defaultsUntilSavedThenWhatWasSavedEvenAfterReopening() {
        DatabaseLocation path = location("driftdeck");
        ConsoleSettings saved = new ConsoleSettings(List.of("states/**/*.tfstate", "s3://tf/prod.tfstate"),
                List.of("eu-west-1", "us-east-1"), "ops", "http://localhost:5000", true, 7,
                dev.driftdeck.risk.Severity.HIGH);
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
        try (Database db = Database.open(location("driftdeck"))) {
            Migrations.migrateAndVerify(db);
            SettingsRepository settings = new SettingsRepository(db);
            settings.save(new ConsoleSettings(List.of("a"), List.of(), "ops", "http://x", true, 5));

            ConsoleSettings cleared = new ConsoleSettings(List.of("a"), List.of(), null, null, false, 5);
            settings.save(cleared);

            assertThat(settings.load()).isEqualTo(cleared);
        }
    }
}
