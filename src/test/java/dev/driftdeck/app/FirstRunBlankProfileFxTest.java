package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.ui.ConsoleWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new user's first run: an empty data directory, one state source, then Settings with a region and an endpoint and
 * the AWS profile left blank. Blank means the default credential chain, so "Scan now" scans (here: moto, whose fake
 * keys the default chain finds as a user's AWS_ACCESS_KEY_ID). It used to fail with "AWS profile '' is not defined".
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunBlankProfileFxTest {

    @TempDir
    static Path temp;

    private static Path state;
    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @BeforeAll
    static void credentialsAndState() throws Exception {
        MotoClients.useFakeCredentialsForDefaultChain();
        state = temp.resolve("empty.tfstate");
        Files.writeString(state, """
                {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "first-run",
                 "outputs": {}, "resources": []}
                """);
    }

    @Start
    void start(Stage stage) throws Exception {
        DataDirectory empty = new DataDirectory(temp.resolve("data-" + System.nanoTime()));
        SchedulerOptions fastTicks = new SchedulerOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(5));
        desktop = DesktopBootstrap.boot(empty, Clock.systemUTC(), ScanService.standard(Clock.systemUTC()), fastTicks);
        // "Add a state source", as the Sources page does; the AWS side is what this test is about.
        desktop.services().sources().orElseThrow().saveConfigured(List.of(state.toString()));
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void aBlankProfileScansWithTheDefaultChain(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        await(() -> robot.lookup("#settings-regions").tryQuery().isPresent());
        // The profile stays as a new user finds it: the picker's "Default credential chain", saved as blank.
        assertThat(robot.lookup("#settings-profile").<String>queryComboBox().getValue()).isEmpty();
        write(robot, "#settings-regions", MotoClients.REGION);
        write(robot, "#settings-endpoint", MotoServer.shared().endpoint());
        robot.clickOn("#settings-save");
        await(() -> robot.lookup("#settings-save").tryQuery().isEmpty());

        Button scanNow = robot.lookup("#scan-now").queryButton();
        robot.clickOn("#nav-scheduler");
        // The first start's state sync may have asked for a scan already (before the settings were saved): let it end.
        await(() -> !scanNow.isDisabled() && !jobState(robot).startsWith("RUNNING"));
        Instant clicked = Instant.now();
        robot.clickOn(scanNow);

        // A failing scan ends within milliseconds: follow the run itself, not the card's RUNNING flash.
        await(() -> lastScanRun().filter(run -> !run.startedAt().isBefore(clicked) && run.outcome() != null).isPresent());
        JobRun run = lastScanRun().orElseThrow();
        // Every listing moto answers succeeded; only moto's gaps failed (see MotoGaps), hence PARTIAL.
        assertThat(run.outcome()).as(run.error()).isEqualTo(RunOutcome.PARTIAL);
        await(() -> robot.lookup("#job-last-drift-scan").queryAs(Label.class).getText().startsWith(MotoGaps.SCAN_OUTCOME));
        await(() -> MotoGaps.onlyGapsFailed(window.model().summary().alertsTextProperty().get()));
        assertThat(jobState(robot)).isEqualTo("IDLE");
    }

    private static void write(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private Optional<JobRun> lastScanRun() {
        return desktop.scheduler().statuses().stream().filter(s -> s.job().equals(DriftScanJob.NAME))
                .map(JobStatus::lastRun).filter(Objects::nonNull).findFirst();
    }

    private static String jobState(FxRobot robot) {
        return robot.lookup("#job-state-drift-scan").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
