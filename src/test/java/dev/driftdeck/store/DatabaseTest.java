package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void createsPrivateDirectoryAndFile() throws Exception {
        Path dbPath = dir.resolve("data/driftdeck");
        try (Database db = Database.open(dbPath)) {
            assertThat(db.file()).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.file())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void databaseOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        Path dbPath = dir.resolve("driftdeck");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dbPath.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            // Its log output shares stdout; skip to our marker (null means the holder died).
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("LOCKED"));
            assertThat(line).as("the holder process opened the database").isEqualTo("LOCKED");

            assertThatThrownBy(() -> Database.open(dbPath))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessage("The database " + dbPath + " is already open in another Driftdeck. "
                            + "Close it, or start this one with another --data-dir.");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // Once the other process let go, this one can open it.
        try (Database db = Database.open(dbPath)) {
            assertThat(db.path()).isEqualTo(dbPath);
        }
    }

    @Test
    void corruptFileIsADatabaseExceptionNamingThePath() throws Exception {
        Path dbPath = dir.resolve("broken");
        Files.write(Path.of(dbPath + ".mv.db"), List.of("this is not an H2 file ".repeat(200)));

        assertThatThrownBy(() -> Database.open(dbPath))
                .isInstanceOf(DatabaseException.class)
                .isNotInstanceOf(DatabaseLockedException.class)
                .hasMessageContaining("Could not open the database " + dbPath)
                .hasMessageContaining("--data-dir");
    }
}
