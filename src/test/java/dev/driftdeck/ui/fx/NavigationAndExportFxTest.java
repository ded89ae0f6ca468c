package dev.driftdeck.ui.fx;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.Navigation;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.ScanHistories;
import dev.driftdeck.ui.Statuses;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Real clicks: the sidebar switches pages, overview counts open the findings filtered, export writes the file. */
@ExtendWith(ApplicationExtension.class)
class NavigationAndExportFxTest {

    private final InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())),
            SampleScans.small());
    private ConsoleWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        services.preload(ScanHistories.second());
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Only the shown page is in the scene (hidden pages are detached). */
    private static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void opensOnTheOverviewWithWhatChangedSinceTheLastScan(FxRobot robot) throws Exception {
        await(() -> "2".equals(robot.lookup("#overview-new-count").queryAs(Label.class).getText()));

        assertThat(showing(robot, "#overview-page")).isTrue();
        assertThat(robot.lookup("#overview-resolved-count").queryAs(Label.class).getText()).isEqualTo("2");
        assertThat(robot.lookup("#overview-coverage").queryAs(Label.class).getText()).endsWith("%");
        @SuppressWarnings("unchecked")
        ListView<Finding> fresh = robot.lookup("#overview-new").queryAs(ListView.class);
        assertThat(fresh.getItems()).extracting(Finding::id).containsExactlyInAnyOrder("vpc-0a1b2c", "scratch-bucket");
        assertThat(robot.lookup("#overview-next-run").queryAs(Label.class).getText()).startsWith("Drift scan: next in ");
    }

    @Test
    void sidebarSwitchesPagesAndACountOpensTheFindingsFiltered(FxRobot robot) throws Exception {
        await(() -> "2".equals(robot.lookup("#overview-new-count").queryAs(Label.class).getText()));

        robot.clickOn("#overview-count-unmanaged");
        assertThat(showing(robot, "#findings-table")).isTrue();
        assertThat(showing(robot, "#overview-page")).isFalse();
        @SuppressWarnings("unchecked")
        TableView<Finding> table = robot.lookup("#findings-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Finding::status).containsOnly(FindingStatus.UNMANAGED).hasSize(2);

        robot.clickOn("#nav-scheduler");
        assertThat(showing(robot, "#scheduler-panel")).isTrue();
        robot.clickOn("#nav-reports");
        assertThat(showing(robot, "#reports-page")).isTrue();
        assertThat(window.model().navigation().current()).isEqualTo(Navigation.REPORTS);
        robot.clickOn("#nav-overview");
        assertThat(showing(robot, "#overview-page")).isTrue();
    }

    @Test
    void theHighestRiskCardSaysWhenNoDriftIntroducedARiskAndOpensTheFindings(FxRobot robot) throws Exception {
        await(() -> "2".equals(robot.lookup("#overview-new-count").queryAs(Label.class).getText()));

        javafx.scene.layout.VBox risks = robot.lookup("#overview-highest-risk").queryAs(javafx.scene.layout.VBox.class);
        assertThat(risks.getChildren()).singleElement().extracting(node -> ((Label) node).getText())
                .isEqualTo("No drift introduced a risk from the catalogue.");
        robot.clickOn("#overview-open-risks");
        assertThat(showing(robot, "#findings-table")).isTrue();
        assertThat(showing(robot, "#overview-page")).isFalse();
    }

    @Test
    void theTrendFilteredBySeverityDrawsOneLinePerSeverityAtOrAboveTheChoice(FxRobot robot) throws Exception {
        await(() -> window.model().reports().history().size() == 2);
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> chart = robot.lookup("#trend-drift").queryAs(LineChart.class);
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("Changed", "Missing", "Unmanaged");

        robot.clickOn("#trend-severity").clickOn("Medium or worse");

        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("Critical", "High", "Medium");
        assertThat(chart.getStyleClass()).as("severity colours").contains("by-severity");
        // the newest point of each line counts the latest scan's drift of that severity
        ScanReport latest = services.latestScan().orElseThrow();
        for (XYChart.Series<Number, Number> line : chart.getData()) {
            Severity severity = Severity.parse(line.getName());
            long expected = latest.findings().stream()
                    .filter(f -> f.status().isDrift() && f.severity() == severity).count();
            assertThat(line.getData().getLast().getYValue().longValue()).as(line.getName()).isEqualTo(expected);
        }
        assertThat(chart.getData().stream().mapToLong(line -> line.getData().getLast().getYValue().longValue()).sum())
                .as("the sample's drift at medium or worse").isPositive();

        robot.clickOn("#trend-severity").clickOn("Any drift");
        assertThat(chart.getData()).extracting(XYChart.Series::getName).containsExactly("Changed", "Missing", "Unmanaged");
        assertThat(chart.getStyleClass()).doesNotContain("by-severity");
    }

    @Test
    void exportWritesTheChosenFileInTheBackground(FxRobot robot) throws Exception {
        await(() -> window.model().reports().history().size() == 2);
        Path csv = dir.resolve("drift.csv");
        Path html = dir.resolve("drift.html");
        robot.clickOn("#nav-reports");

        robot.interact(() -> window.model().reports().setTargetChooser((format, name) -> Optional.of(csv)));
        robot.clickOn("#export-csv");
        await(() -> Files.exists(csv));
        String text = Files.readString(csv);
        assertThat(text).startsWith("status,type,id,address,").contains("UNMANAGED,aws_s3_bucket,scratch-bucket");

        robot.interact(() -> window.model().reports().setTargetChooser((format, name) -> Optional.of(html)));
        robot.clickOn("#export-html");
        await(() -> Files.exists(html));
        assertThat(Files.readString(html)).contains("data-search=\"scratch-bucket").contains("id=\"count-changed\">2</div>");
        await(() -> robot.lookup("#export-message").queryAs(Label.class).getText().endsWith(" as HTML to " + html));
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).endsWith(" as HTML to " + html);
    }

    @Test
    void aStoredScanWithNewDriftShowsTheBannerWhichOpensTheFindings(FxRobot robot) throws Exception {
        await(() -> window.model().reports().history().size() == 2);

        services.store(ScanHistories.later(30, f -> f.id().equals("deployer") ? ScanHistories.withStatus(f, FindingStatus.MISSING) : f));

        await(() -> robot.lookup("#notification-banner").query().isVisible());
        assertThat(robot.lookup("#notification-title").queryAs(Label.class).getText()).isEqualTo("3 new drifts since the last scan");
        robot.clickOn("#notification-show");
        assertThat(robot.lookup("#notification-banner").query().isVisible()).isFalse();
        assertThat(showing(robot, "#findings-table")).isTrue();
    }
}
