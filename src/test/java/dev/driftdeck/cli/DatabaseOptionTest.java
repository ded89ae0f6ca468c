package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.testing.ShippedMigrations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --db} takes a path or a PostgreSQL URL; anything URL-shaped otherwise is refused before it creates files. */
class DatabaseOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "db info", "export"})
    void aUrlOfAnotherSchemeIsRefusedNamingTheValueAndTheAcceptedForms(String command) {
        String[] args = (command + " --db mysql://db.example.com/driftdeck").split(" ");

        Outcome outcome = run(args);

        assertThat(outcome.code()).isEqualTo(DriftdeckCommand.ERROR);
        assertThat(outcome.err()).contains("'mysql://db.example.com/driftdeck' is neither a file path nor a"
                + " PostgreSQL URL").contains("postgresql://host[:port]/database?user=NAME");
        assertThat(Path.of("mysql:")).as("no H2 directory named after the scheme").doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres:/db.example.com/driftdeck", "postgresql:db.example.com/driftdeck"})
    void aMistypedPostgresqlUrlIsRefused(String value) {
        Outcome outcome = run("migrate", "--db", value);

        assertThat(outcome.code()).isEqualTo(DriftdeckCommand.ERROR);
        assertThat(outcome.err()).contains("'" + value + "'").contains("starts with postgresql://");
        assertThat(Files.exists(Path.of(value.substring(0, value.indexOf(':') + 1)))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://ops:s3cr3t@db.example.com/driftdeck",
            "jdbc:postgresql://db.example.com/driftdeck?user=ops&password=s3cr3t"})
    void aPasswordInTheUrlIsRefusedAndNeverEchoed(String value) {
        Outcome outcome = run("scan", "--state", "x.tfstate", "--db", value);

        assertThat(outcome.code()).isEqualTo(DriftdeckCommand.ERROR);
        assertThat(outcome.err()).contains("PGPASSWORD").contains("~/.pgpass").contains("***")
                .doesNotContain("s3cr3t");
    }

    @Test
    void migrateAndDbInfoWorkOnAPostgresqlUrl() {
        DatabaseLocation.Postgres database = PostgresServer.shared().createDatabase();
        String jdbc = database.jdbcUrl();

        Outcome migrated = run("migrate", "--db", jdbc);
        Outcome info = run("db", "info", "--db", database.toString());

        assertThat(migrated.code()).as(migrated.err()).isEqualTo(DriftdeckCommand.IN_SYNC);
        assertThat(migrated.out()).isEqualTo("Database " + database + ": schema version " + ShippedMigrations.latest()
                + " (" + ShippedMigrations.count() + " migration(s) applied)\n");
        assertThat(info.out()).startsWith("Database: " + database + "\nSchema version: " + ShippedMigrations.latest()
                + " (this Driftdeck knows up to " + ShippedMigrations.latest() + ")\nPending migrations: 0\n");
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    private record Outcome(int code, String out, String err) {
    }
}
