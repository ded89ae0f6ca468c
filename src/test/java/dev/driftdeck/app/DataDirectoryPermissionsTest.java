package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.ui.about.AboutInfo;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Brief, section 11: data and log directories 0700, database and log file 0600; and what About reports. */
class DataDirectoryPermissionsTest {

    @TempDir
    Path temp;

    @Test
    void directoriesAreOwnerOnlyEvenWhenTheyExistedWiderAndFilesAre0600() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        DataDirectory data = new DataDirectory(temp.resolve("data"));
        Files.createDirectories(data.logs(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        FileLogging.install(data.preparePrivate().logs());
        LoggerFactory.getLogger(DataDirectoryPermissionsTest.class).info("a line for the log file");
        try (Database db = Database.open(data.database())) {
            Migrations.migrateAndVerify(db);
            AboutInfo about = new DatabaseConsoleServices(db, null, null, null, null,
                    dev.driftdeck.store.ChangeAuthor.DRIFTDECK, java.time.Clock.systemUTC()).about();

            assertThat(about.dataDirectory()).isEqualTo(data.root().toAbsolutePath());
            assertThat(about.databaseFile()).isEqualTo(data.root().resolve("driftdeck.mv.db").toAbsolutePath());
            assertThat(about.schemaVersion()).isNotBlank().isNotEqualTo("none");
            assertThat(about.logFile()).isEqualTo(data.logs().resolve("driftdeck.log").toAbsolutePath());
        }
        // The suite shares one JVM: leave the root logger as it was.
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAndStopAllAppenders();
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).reset();
        new ch.qos.logback.classic.util.ContextInitializer(
                (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).autoConfig();
        assertThat(mode(data.root())).isEqualTo("rwx------");
        assertThat(mode(data.logs())).isEqualTo("rwx------");
        assertThat(mode(data.logs().resolve("driftdeck.log"))).isEqualTo("rw-------");
        assertThat(mode(data.root().resolve("driftdeck.mv.db"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
