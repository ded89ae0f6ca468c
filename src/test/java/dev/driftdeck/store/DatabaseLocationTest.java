package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseLocationTest {

    @Test
    void aPathIsTheH2FileMadeAbsolute() {
        assertThat(DatabaseLocation.parse("data/driftdeck"))
                .isEqualTo(new DatabaseLocation.H2File(Path.of("data/driftdeck").toAbsolutePath()));
    }

    @Test
    void thePostgresqlUrlFormsAllNameTheSameDatabase() {
        DatabaseLocation.Postgres expected = new DatabaseLocation.Postgres("db.example.com:5433", "driftdeck",
                Map.of("user", "ops"));

        assertThat(DatabaseLocation.parse("postgresql://db.example.com:5433/driftdeck?user=ops")).isEqualTo(expected);
        assertThat(DatabaseLocation.parse("postgres://ops@db.example.com:5433/driftdeck")).isEqualTo(expected);
        assertThat(DatabaseLocation.parse("jdbc:postgresql://db.example.com:5433/driftdeck?user=ops"))
                .isEqualTo(expected);
        assertThat(expected.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/driftdeck?user=ops");
        assertThat(expected).hasToString("postgresql://db.example.com:5433/driftdeck?user=ops");
    }

    @Test
    void otherParametersPassToTheDriver() {
        DatabaseLocation.Postgres location = (DatabaseLocation.Postgres) DatabaseLocation.parse(
                "postgresql://h/d?user=u&sslmode=verify-full");

        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://h/d?user=u&sslmode=verify-full");
    }

    @Test
    void aUrlWithoutHostOrDatabaseIsRefused() {
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql:///driftdeck"))
                .hasMessageContaining("names no host");
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://db.example.com"))
                .hasMessageContaining("names no database");
    }

    @Test
    void aPasswordIsMaskedInTheRefusal() {
        assertThatThrownBy(() -> DatabaseLocation.parse("postgresql://ops:hunter2@h/d"))
                .hasMessageStartingWith("The database URL 'postgresql://ops:***@h/d' is not usable")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseLocation.parse("jdbc:postgresql://h/d?Password=hunter2&user=u"))
                .hasMessageContaining("?Password=***&user=u")
                .hasMessageNotContaining("hunter2");
    }
}
