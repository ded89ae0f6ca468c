package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.overview.FirstRunGuideView;
import dev.driftdeck.ui.sources.PathChooser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A new user's first run, as they would do it: an empty data directory, nothing written into Driftdeck by code, the
 * desktop booted as the app boots it. On the empty Overview the guide's step 1 opens the Sources page, where "Add
 * file…" picks the user's Terraform state; step 2 opens Settings, where the user sets the region and the endpoint
 * (moto) and leaves the profile blank; step 3 scans. The scan succeeds, its findings are on screen and every step is
 * ticked.
 *
 * <p>What the user brings stands outside Driftdeck: AWS (moto, with the resources the state describes, one of them
 * changed by hand, one made outside Terraform), credentials in the environment (the default chain) and a state file
 * Terraform wrote ({@code first-run.tfstate}, from {@code fixtures/terraform/first-run}).
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunJourneyFxTest {

    @TempDir
    static Path temp;

    private static Path userState;
    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @BeforeAll
    static void theUsersAwsAndState() throws Exception {
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam(); SqsClient sqs = MotoClients.of(SqsClient.builder())) {
            iam.createUser(r -> r.userName("deployer").tags(Tag.builder().key("Team").value("platform").build()));
            iam.createUser(r -> r.userName("intern"));
            // As Terraform created it (its 256 KiB default message size), but with the visibility timeout raised by
            // hand from the state's 30 s.
            sqs.createQueue(r -> r.queueName("orders").attributes(java.util.Map.of(
                    QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "262144", QueueAttributeName.VISIBILITY_TIMEOUT, "90")));
        }
        Path project = Files.createDirectories(temp.resolve("infra"));
        userState = Files.copy(Path.of(FirstRunJourneyFxTest.class.getResource("/tfstate/first-run.tfstate").toURI()),
                project.resolve("terraform.tfstate"));
    }

    @Start
    void start(Stage stage) {
        DataDirectory data = new DataDirectory(temp.resolve("empty-data-dir"));
        // The app's wiring (DesktopBootstrap.boot(data, clock)): one state loader for state-sync and drift-scan.
        Clock clock = Clock.systemUTC();
        StateLoader loader = StateLoaders.standard(new StateCache());
        desktop = DesktopBootstrap.boot(data, clock, ScanService.standard(clock, loader), loader, SchedulerOptions.defaults());
        window = ConsoleWindow.open(stage, desktop.services(), new PathChooser() {
            @Override
            public Optional<Path> chooseStateFile(Window owner) {
                return Optional.of(userState); // what the user picks in the file dialog
            }

            @Override
            public Optional<Path> chooseFolder(Window owner) {
                return Optional.empty();
            }
        });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void fromAnEmptyDataDirectoryToFindingsOnScreen(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#first-run-guide").query().isVisible());
        assertThat(done(robot, "sources")).isFalse();
        assertThat(done(robot, "scan")).isFalse();

        // 1. A state source: the guide opens the Sources page; "Add file…" takes the user's state.
        robot.clickOn("#guide-open-sources");
        robot.clickOn("#sources-add-file");
        ListView<?> configured = robot.lookup("#sources-configured").queryListView();
        await(() -> configured.getItems().size() == 1);
        robot.clickOn("#nav-overview");
        await(() -> done(robot, "sources"));

        // 2. AWS access: region and endpoint in Settings, the profile left blank (the default credential chain).
        robot.clickOn("#guide-open-access");
        await(() -> robot.lookup("#settings-regions").tryQuery().isPresent());
        assertThat(robot.lookup("#settings-profile").queryAs(ComboBox.class).getValue()).as("the default chain").isEqualTo("");
        robot.clickOn("#settings-regions").write("us-east-1");
        robot.clickOn("#settings-endpoint").write(MotoServer.shared().endpoint());
        robot.clickOn("#settings-save");
        await(() -> robot.lookup("#settings-regions").tryQuery().isEmpty());
        await(() -> done(robot, "access"));

        // 3. The first scan.
        robot.clickOn("#guide-scan-now");
        robot.clickOn("#nav-scheduler");
        Label lastRun = robot.lookup("#job-last-drift-scan").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lastRun.getText().equals("never ran")
                && !lastRun.getText().startsWith("running"));
        // Every listing moto answers succeeded; only moto's gaps failed (see MotoGaps), hence PARTIAL.
        assertThat(lastRun.getText()).startsWith(MotoGaps.SCAN_OUTCOME);
        await(() -> MotoGaps.onlyGapsFailed(window.model().summary().alertsTextProperty().get()));

        // The stored scan arrives with a "new drift" banner that moves the sidebar down: click once it is shown.
        await(() -> robot.lookup("#notification-banner").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#nav-findings");
        await(() -> findings(robot).getItems().size() >= 3);
        assertThat(findings(robot).getItems()).extracting(Finding::type, Finding::id, Finding::status).contains(
                tuple("aws_iam_user", "deployer", FindingStatus.IN_SYNC),
                tuple("aws_iam_user", "intern", FindingStatus.UNMANAGED));
        assertThat(findings(robot).getItems()).filteredOn(f -> f.type().equals("aws_sqs_queue"))
                .singleElement().satisfies(queue -> {
                    assertThat(queue.status()).isEqualTo(FindingStatus.CHANGED);
                    assertThat(queue.diffs()).singleElement().satisfies(diff -> {
                        assertThat(diff.dottedPath()).isEqualTo("visibility_timeout_seconds");
                        assertThat(diff.expected()).isEqualTo("30");
                        assertThat(diff.actual()).isEqualTo("90");
                    });
                });

        robot.clickOn("#nav-overview");
        await(() -> done(robot, "scan"));
        assertThat(done(robot, "sources") && done(robot, "access")).isTrue();
    }

    private static boolean done(FxRobot robot, String step) {
        return robot.lookup("#guide-step-" + step).query().getPseudoClassStates().contains(FirstRunGuideView.DONE);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Finding> findings(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
