package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.app.DesktopBootstrap.Desktop;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.DatabaseException;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need the kernel's help, made real for root (who ignores permission bits): a read-only bind mount of
 * the data directory (EROFS), and a 512 KB tmpfs that fills up (ENOSPC). Needs {@code mount} (root, or a container
 * with CAP_SYS_ADMIN); skipped with the reason elsewhere.
 */
class MountedFaultTest {

    @TempDir
    Path dir;

    @Test
    void readOnlyDataDirectoryOpensTheConsoleReadOnlyWithTheLastScans() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        bootOnceWithAScan(data);
        assumeMounting(() -> run("mount", "--bind", data.root().toString(), data.root().toString()));
        try {
            run("mount", "-o", "remount,bind,ro", data.root().toString());
            assertThat(canWrite(data.root())).as("even root cannot write a read-only mount").isFalse();

            try (Desktop desktop = DatabaseFaultTest.boot(data)) {
                assertThat(desktop.runningScheduler()).isEmpty();
                assertThat(desktop.services().readOnlyReason()).hasValue("The database " + data.database()
                        + " cannot be written (read-only disk or mount, or a file this user cannot write). Make "
                        + data.root() + " writable, or start Driftdeck with another --data-dir. The scheduler is off;"
                        + " findings shown are from the last good scan.");
                assertThat(desktop.services().latestScan()).hasValue(ProofReports.scan(1, 50));
                assertThat(DatabaseFaultTest.tickThreads()).isZero();
            }
        } finally {
            run("umount", data.root().toString());
        }
    }

    @Test
    void fullDiskLosesOnlyTheScanBeingWrittenAndSaysSo() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("tiny"));
        assumeMounting(() -> run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mount.toString()));
        DataDirectory data = new DataDirectory(mount.resolve("data"));
        try {
            try (Desktop desktop = DatabaseFaultTest.boot(data)) {
                ScanRepository scans = new ScanRepository(desktop.db());
                scans.save(ProofReports.scan(1, 50));
                var big = ProofReports.scan(2, 20_000);

                assertThatThrownBy(() -> scans.save(big))
                        .isInstanceOf(DatabaseException.class)
                        .hasMessage("Storing the scan started at " + big.startedAt() + " in " + data.database()
                                + " failed, nothing of it was kept: the disk holding the database is full. Free some"
                                + " space, then restart Driftdeck; the scans stored before are intact.");
            }
            awaitSchedulerGone();

            // Still full: the next start says so instead of failing somewhere later.
            assertThatThrownBy(() -> DatabaseFaultTest.boot(data))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessage("Could not open the database " + data.database() + ": the disk holding it is full."
                            + " Free some space, or start Driftdeck with another --data-dir.");

            // Space freed: everything stored before the full disk is there, whole.
            run("mount", "-o", "remount,size=16m", mount.toString());
            try (Desktop desktop = DatabaseFaultTest.boot(data)) {
                assertThat(desktop.runningScheduler()).isPresent();
                assertThat(desktop.services().latestScan()).hasValue(ProofReports.scan(1, 50));
                CrashRecoveryTest.assertNothingHalfWritten(desktop.db());
            }
        } finally {
            awaitSchedulerGone();
            run("umount", "-l", mount.toString());
        }
    }

    private static void bootOnceWithAScan(DataDirectory data) {
        try (Desktop first = DatabaseFaultTest.boot(data)) {
            new ScanRepository(first.db()).save(ProofReports.scan(1, 50));
        }
        awaitSchedulerGone();
    }

    private static void awaitSchedulerGone() {
        Awaitility.await("scheduler threads stopped").atMost(Duration.ofSeconds(20))
                .until(() -> DatabaseFaultTest.tickThreads() == 0);
    }

    private interface Command {
        void run() throws Exception;
    }

    private static void assumeMounting(Command mount) {
        Throwable failure = null;
        try {
            mount.run();
        } catch (Exception | AssertionError e) {
            failure = e;
        }
        RequiredTools.assumeAvailable("mount", failure == null,
                "mounting needs root or CAP_SYS_ADMIN: " + failure);
    }

    static boolean canWrite(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
