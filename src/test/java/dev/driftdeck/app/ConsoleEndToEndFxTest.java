package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.ui.ConsoleWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The console as an operator meets it: the real bootstrap on a temp database, the real scheduler, a real scan
 * against moto. Click "Scan now", watch the scheduler panel go RUNNING then IDLE, see the findings appear.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleEndToEndFxTest {

    @TempDir
    static Path temp;

    private static Path state;
    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @BeforeAll
    static void seedAwsAndState() throws Exception {
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/"));
            iam.createUser(r -> r.userName("bob").path("/"));
        }
        state = temp.resolve("users.tfstate");
        Files.writeString(state, """
                {"version": 4, "terraform_version": "1.11.4", "serial": 2, "lineage": "e2e-console",
                 "outputs": {},
                 "resources": [{"mode": "managed", "type": "aws_iam_user", "name": "alice",
                   "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                   "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                     "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                     "sensitive_attributes": []}]}]}
                """);
    }

    @Start
    void start(Stage stage) {
        DataDirectory data = new DataDirectory(temp.resolve("data-" + System.nanoTime()));
        try (Database db = Database.open(data.database())) {
            Migrations.migrateAndVerify(db);
            new SettingsRepository(db).save(new ConsoleSettings(List.of(state.toString()), List.of("us-east-1"), null,
                    MotoServer.shared().endpoint(), false, 15));
        }
        SchedulerOptions fastTicks = new SchedulerOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(5));
        desktop = DesktopBootstrap.boot(data, Clock.systemUTC(), ScanService.standard(Clock.systemUTC()), fastTicks);
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void scanNowRunsARealScanAndTheFindingsAppear(FxRobot robot) throws Exception {
        Button scanNow = robot.lookup("#scan-now").queryButton();
        robot.clickOn("#nav-findings");
        await(() -> !scanNow.isDisabled());
        assertThat(findings(robot).getItems()).isEmpty();
        robot.clickOn("#nav-scheduler");
        await(() -> jobState(robot).equals("IDLE"));

        robot.clickOn(scanNow);

        List<String> seen = new ArrayList<>();
        await(() -> {
            String now = jobState(robot);
            if (seen.isEmpty() || !seen.getLast().equals(now)) {
                seen.add(now);
            }
            return now.equals("IDLE") && seen.contains("RUNNING");
        });
        assertThat(seen).containsSubsequence("RUNNING", "IDLE");
        // Every listing moto answers succeeded; only moto's gaps failed (see MotoGaps), hence PARTIAL.
        assertThat(robot.lookup("#job-last-drift-scan").queryAs(Label.class).getText()).startsWith(MotoGaps.SCAN_OUTCOME);
        await(() -> MotoGaps.onlyGapsFailed(window.model().summary().alertsTextProperty().get()));
        assertThat(scanNow.getText()).isEqualTo("Scan now");

        robot.clickOn("#nav-findings");
        await(() -> findings(robot).getItems().size() == 2);
        assertThat(findings(robot).getItems()).extracting(Finding::id, Finding::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("alice", FindingStatus.IN_SYNC),
                org.assertj.core.groups.Tuple.tuple("bob", FindingStatus.UNMANAGED));
    }

    private static String jobState(FxRobot robot) {
        return robot.lookup("#job-state-drift-scan").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Finding> findings(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
