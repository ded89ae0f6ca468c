package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.ui.about.AboutInfo;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The About dialog's facts on a shared PostgreSQL: which database (its URL, never a password) and which server. */
class AboutOnPostgresTest {

    @Test
    void theDatabaseIsNamedByItsUrlAndTheServerVersion() throws Exception {
        DatabaseLocation.Postgres location = PostgresServer.shared().createDatabase();
        try (Database db = Database.open(location)) {
            Migrations.migrateAndVerify(db);

            AboutInfo about = new DatabaseConsoleServices(db, null, null, null, null, ChangeAuthor.DRIFTDECK,
                    Clock.systemUTC()).about();

            assertThat(about.databaseFile()).as("no file: a server").isNull();
            assertThat(about.database()).startsWith(location + " (PostgreSQL 15.").endsWith(")")
                    .doesNotContainIgnoringCase("password");
            assertThat(about.schemaVersion()).isNotBlank().isNotEqualTo("none");
        }
    }
}
