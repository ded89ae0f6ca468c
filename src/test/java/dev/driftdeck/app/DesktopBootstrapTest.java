package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.scan.DailyRefreshJob;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLockedException;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SchemaFixtures;
import dev.driftdeck.ui.SettingsForm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.driftdeck.testing.PrivateMoto;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The gate and the lifecycle around the scheduler, with the real bootstrap on a temp data directory. */
// Counts the JVM's driftdeck-* threads: never beside a Terraform-applied family test, whose scans have their own.
@ResourceLock(PrivateMoto.LOCK)
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
class DesktopBootstrapTest {

    static final SchedulerOptions SLOW_TICKS = new SchedulerOptions(Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofMinutes(5));

    @TempDir
    Path dir;

    @Test
    void aMigrationThatFailedEarlierKeepsTheSchedulerOffAndSaysWhy() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (Database db = Database.open(data.database())) {
            SchemaFixtures.leaveFailedMigration(db);
        }

        try (DesktopBootstrap.Desktop desktop = boot(data)) {
            assertThat(desktop.runningScheduler()).isEmpty();
            assertThat(desktop.services().scheduler()).isEmpty();
            assertThat(desktop.services().readOnlyReason()).get().asString()
                    .startsWith("Database schema check failed: ")
                    .contains("The scheduler is off");
        }
        assertThat(driftdeckThreads()).isEmpty();
    }

    @Test
    void aSchemaFromANewerDriftdeckKeepsTheSchedulerOff() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (Database db = Database.open(data.database())) {
            SchemaFixtures.applyFutureSchema(db);
        }
        try (DesktopBootstrap.Desktop desktop = boot(data)) {
            assertThat(desktop.runningScheduler()).isEmpty();
            assertThat(desktop.services().readOnlyReason()).get().asString().contains("newer than this Driftdeck");
        }
    }

    @Test
    void aSecondInstanceIsRefusedAndStartsNoScheduler() throws Exception {
        Path dataDir = dir.resolve("shared");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RunningDriftdeck.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("BOOTED") && !line.equals("READ-ONLY"));
            assertThat(line).as("the first Driftdeck booted with its scheduler").isEqualTo("BOOTED");

            assertThatThrownBy(() -> boot(new DataDirectory(dataDir)))
                    .isInstanceOf(DatabaseLockedException.class)
                    .hasMessageContaining("already open in another Driftdeck");
            assertThat(driftdeckThreads()).as("no second scheduler in this process").isEmpty();
        } finally {
            first.getOutputStream().close();
            if (!first.waitFor(20, TimeUnit.SECONDS)) {
                first.destroyForcibly();
            }
        }
    }

    @Test
    void closeStopsTheSchedulerAndLeavesNoThreadBehind() {
        Set<Thread> before = nonDaemonThreads();
        DesktopBootstrap.Desktop desktop = boot(new DataDirectory(dir.resolve("data")));
        assertThat(driftdeckThreads()).contains("driftdeck-tick");

        desktop.close();

        assertThat(driftdeckThreads()).as("driftdeck threads alive after close").isEmpty();
        assertThat(nonDaemonThreads()).as("no new thread keeps the JVM alive").isSubsetOf(before);
    }

    @Test
    void aStaleRunningRunIsAbandonedAtStartAndShownAsTheLastRun() {
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        try (Database db = Database.open(data.database())) {
            Migrations.migrateAndVerify(db);
            new JdbcRunStore(db).runStarted(DriftScanJob.NAME, Trigger.SCHEDULED, Instant.parse("2026-11-27T10:00:00Z"),
                    Instant.parse("2026-11-27T10:00:00Z"), 0);
        }
        try (DesktopBootstrap.Desktop desktop = boot(data)) {
            JobStatus scan = status(desktop, DriftScanJob.NAME);
            assertThat(scan.lastRun()).as("from history, not 'never ran'").isNotNull();
            assertThat(scan.lastRun().outcome()).isEqualTo(RunOutcome.ABANDONED);
            assertThat(status(desktop, DailyRefreshJob.NAME).schedule()).isInstanceOf(Schedule.DailyAt.class);
        }
    }

    @Test
    void anIntervalSavedInSettingsReachesTheRunningSchedulerAtOnce() throws Exception {
        try (DesktopBootstrap.Desktop desktop = boot(new DataDirectory(dir.resolve("data")))) {
            SettingsForm form = desktop.services().loadSettings();
            assertThat(form.scanIntervalMinutes()).isEqualTo(15);
            Instant saved = Instant.now();

            desktop.services().saveSettings(new SettingsForm(form.stateUris(), form.regions(), form.profile(),
                    form.endpointUrl(), form.strict(), 7));

            JobStatus scan = status(desktop, DriftScanJob.NAME);
            assertThat(scan.schedule()).isEqualTo(Schedule.Every.minutes(7));
            assertThat(scan.state()).isEqualTo(JobState.IDLE);
            assertThat(scan.nextRunAt()).isBetween(saved.plus(Duration.ofMinutes(7)),
                    Instant.now().plus(Duration.ofMinutes(7)).plusSeconds(21)); // plus up to 20 s of jitter
            assertThat(desktop.services().loadSettings().scanIntervalMinutes()).isEqualTo(7);
        }
    }

    private static DesktopBootstrap.Desktop boot(DataDirectory data) {
        return DesktopBootstrap.boot(data, Clock.systemUTC(), ScanService.standard(Clock.systemUTC()), SLOW_TICKS);
    }

    private static JobStatus status(DesktopBootstrap.Desktop desktop, String job) {
        return desktop.runningScheduler().orElseThrow().statuses().stream()
                .filter(s -> s.job().equals(job)).findFirst().orElseThrow();
    }

    private static List<String> driftdeckThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("driftdeck-"))
                .sorted()
                .toList();
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }
}
