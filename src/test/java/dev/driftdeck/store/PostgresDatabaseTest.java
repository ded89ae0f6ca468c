package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Opening a PostgreSQL database: where the password comes from, and what each failure says. */
class PostgresDatabaseTest {

    private static final String PASSWORD = "correct-horse-42";

    final PostgresServer server = PostgresServer.shared();
    DatabaseLocation.Postgres passwordLogin;

    @TempDir
    Path dir;

    @BeforeEach
    void passwordRole() {
        server.createPasswordRole(PASSWORD);
        passwordLogin = server.location("postgres", PostgresServer.PASSWORD_ROLE);
    }

    @Test
    void thePasswordComesFromPgpasswordAndIsInNoUrlOrName() {
        try (Database db = Database.open(passwordLogin, Map.of("PGPASSWORD", PASSWORD))) {
            assertThat(db.shared()).isTrue();
            assertThat(db.readOnly()).isFalse();
            assertThat(db.location().toString()).doesNotContain(PASSWORD)
                    .isEqualTo("postgresql://127.0.0.1:" + server.port() + "/postgres?user=password_login");
            assertThat(passwordLogin.jdbcUrl()).doesNotContain(PASSWORD);
        }
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void withoutPgpasswordTheDriverReadsThePgpassFile() throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":*:" + PostgresServer.PASSWORD_ROLE + ":" + PASSWORD
                + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        // The driver's own override of ~/.pgpass (as PGPASSFILE), so the test never touches the real home.
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (Database db = Database.open(passwordLogin, Map.of())) {
            assertThat(db.shared()).isTrue();
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aRefusedLoginSaysWhereThePasswordGoesAndNeverShowsIt() {
        System.setProperty("org.postgresql.pgpassfile", dir.resolve("no-pgpass").toString());
        try {
            assertThatThrownBy(() -> Database.open(passwordLogin, Map.of("PGPASSWORD", "wrong-guess-17")))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("Could not open the database " + passwordLogin + ": PostgreSQL refused the"
                            + " login of user password_login (the password in PGPASSWORD was refused")
                    .hasMessageContaining("~/.pgpass")
                    .hasMessageNotContaining("wrong-guess-17");
            assertThatThrownBy(() -> Database.open(passwordLogin, Map.of()))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("refused the login of user password_login (no password was accepted")
                    .hasMessageContaining("PGPASSWORD");
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamedWithTheCommandThatCreatesIt() {
        DatabaseLocation.Postgres missing = server.location("no_such_db", PostgresServer.USER);

        assertThatThrownBy(() -> Database.open(missing, Map.of()))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("Could not open the database " + missing + ": the server has no database 'no_such_db'."
                        + " Create it (createdb no_such_db) or correct the URL.");
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToCheck() {
        DatabaseLocation.Postgres nowhere = new DatabaseLocation.Postgres("127.0.0.1:1", "driftdeck",
                Map.of("user", "ops", "connectTimeout", "2"));

        assertThatThrownBy(() -> Database.open(nowhere, Map.of()))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Could not open the database postgresql://127.0.0.1:1/driftdeck?user=ops:"
                        + " the server at 127.0.0.1:1 cannot be reached")
                .hasMessageContaining("Check the host and port");
    }
}
