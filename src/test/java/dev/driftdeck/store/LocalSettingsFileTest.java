package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's database setting on this machine: kept, refused with a password, cleared back to the embedded file. */
class LocalSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedDatabaseIsReadBackAndBlankGoesBackToTheEmbeddedFile() throws Exception {
        LocalSettingsFile settings = LocalSettingsFile.of(new DataDirectory(dir.resolve("data")));
        assertThat(settings.database()).isEmpty();

        settings.saveDatabase(" postgresql://db.example.com:5432/driftdeck?user=ops ");

        assertThat(LocalSettingsFile.of(new DataDirectory(dir.resolve("data"))).database())
                .contains("postgresql://db.example.com:5432/driftdeck?user=ops");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.file()))).isEqualTo("rw-------");

        settings.saveDatabase("");
        assertThat(settings.database()).isEmpty();
    }

    @Test
    void aPasswordIsNeverSaved() throws Exception {
        LocalSettingsFile settings = LocalSettingsFile.of(new DataDirectory(dir));

        assertThatThrownBy(() -> settings.saveDatabase("postgresql://ops:hunter2@db.example.com/driftdeck"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PGPASSWORD")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> settings.saveDatabase("mysql://db.example.com/driftdeck"))
                .hasMessageContaining("neither a file path nor a PostgreSQL URL");
        assertThat(Files.exists(settings.file())).isFalse();
    }
}
