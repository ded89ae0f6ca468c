package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.JobDefinition;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.audit.ChangeHistoryView;
import javafx.scene.control.ListCell;
import dev.driftdeck.store.StateSnapshotRepository;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.sources.SourceLine;
import dev.driftdeck.ui.sources.SourcesView;
import dev.driftdeck.ui.sources.SourcesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

/**
 * The Sources view over the real services: a temp database, the real state-sync job reading real state files.
 * "Sync now" fills the table; adding a source that fails validation shows why and saves nothing.
 */
@ExtendWith(ApplicationExtension.class)
class SourcesViewFxTest {

    @TempDir
    Path temp;

    private Database db;
    private BackgroundTasks tasks;
    private static final ChangeAuthor ALICE = ChangeAuthor.of("alice", "laptop-7");

    private JobScheduler scheduler;
    private final List<String> scanRequests = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path state = Files.copy(Path.of(getClass().getResource("/tfstate/moto-foundation.tfstate").toURI()),
                temp.resolve("prod.tfstate"));
        db = Database.open(temp.resolve("driftdeck"));
        Migrations.migrateAndVerify(db);
        SettingsRepository settings = new SettingsRepository(db);
        settings.save(new ConsoleSettings(List.of(state.toString(), temp.resolve("gone.tfstate").toString()),
                List.of("us-east-1"), null, null, false, 15));
        StateSyncJob sync = new StateSyncJob(Clock.systemUTC(), StateLoaders.standard(new StateCache()), settings,
                new StateSnapshotRepository(db), scanRequests::add);
        tasks = BackgroundTasks.daemon("sources-test");
        // Not started: no ticks, so the only state-sync run is the one "Sync now" asks for.
        scheduler = JobScheduler.create(Clock.systemUTC(), new JdbcRunStore(db),
                List.of(new JobDefinition(sync, StateSyncJob.DEFAULT_INTERVAL, true, false)), SchedulerOptions.defaults());
        SourcesViewModel model = new SourcesViewModel(new DatabaseSourcesServices(db, sync, scheduler, ALICE, Clock.systemUTC()),
                tasks);
        stage.setScene(new Scene(new SourcesView(model, dev.driftdeck.ui.sources.PathChooser.system()), 1100, 620));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        tasks.close();
        db.close();
    }

    @Test
    void syncNowListsEachStateWithSerialLineageCountAndError(FxRobot robot) throws Exception {
        TableView<SourceLine> table = robot.lookup("#sources-table").queryTableView();
        assertThat(table.getItems()).isEmpty();

        robot.clickOn("#sources-sync-now");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems()).anySatisfy(line -> {
            assertThat(line.uri()).endsWith("prod.tfstate");
            assertThat(line.serial()).isEqualTo(23L);
            assertThat(line.lineage()).isNotBlank();
            assertThat(line.resourceCount()).isEqualTo(21);
            assertThat(line.error()).isNull();
            assertThat(line.lastSync()).isNotNull();
        });
        assertThat(table.getItems()).anySatisfy(line -> assertThat(line.error()).contains("gone.tfstate does not exist"));
        assertThat(robot.lookup("#sources-message").queryAs(Label.class).getText())
                .isEqualTo("Synced 2 state(s): 0 changed, 1 failed");
        assertThat(scanRequests).as("first sight of a source is a baseline, not a change").isEmpty();
        assertThat(new JdbcRunStore(db).recentRuns(StateSyncJob.NAME, 10)).as("a run of the job, in its history")
                .singleElement().satisfies(run -> {
                    assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
                    assertThat(run.outcome()).isEqualTo(RunOutcome.PARTIAL);
                });
    }

    @Test
    void addingASourceThatFailsValidationShowsWhyAndSavesNothing(FxRobot robot) throws Exception {
        ListView<String> configured = robot.lookup("#sources-configured").queryListView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> configured.getItems().size() == 2);
        Label problem = robot.lookup("#sources-problem").queryAs(Label.class);

        robot.clickOn("#sources-input").write("s3://Bad_Bucket/prod.tfstate");
        robot.clickOn("#sources-add");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !problem.getText().isEmpty());
        assertThat(problem.getText()).contains("'Bad_Bucket' is not an S3 bucket name");

        robot.doubleClickOn("#sources-input").eraseText(40).write("s3://tf-states/app.tfstate?profile=nobody-has-this");
        robot.clickOn("#sources-add");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> problem.getText().contains("nobody-has-this"));
        assertThat(problem.getText()).contains("profile 'nobody-has-this' is in neither ~/.aws/config nor ~/.aws/credentials");
        assertThat(configured.getItems()).hasSize(2);
        assertThat(new SettingsRepository(db).load().stateUris()).hasSize(2);

        robot.doubleClickOn("#sources-input").eraseText(60).write("s3://tf-states/app.tfstate?workspaces=*");
        robot.clickOn("#sources-add");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> configured.getItems().size() == 3);
        assertThat(problem.getText()).isEmpty();
        assertThat(new SettingsRepository(db).load().stateUris()).last().isEqualTo("s3://tf-states/app.tfstate?workspaces=*");

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sources-configured .list-cell").queryAll()).extracting(n -> ((ListCell<?>) n).getText())
                .as("who added the new source, and when")
                .contains("s3://tf-states/app.tfstate?workspaces=*   · added by alice@laptop-7, just now");

        ConsoleServices services = new DatabaseConsoleServices(db, null, null, null, null, ALICE, Clock.systemUTC());
        robot.interact(() -> ChangeHistoryView.open(robot.window(0), services, tasks));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> !robot.lookup("#change-history-table").queryTableView().getItems().isEmpty());
        TableView<AuditEntry> history = robot.lookup("#change-history-table").queryTableView();
        assertThat(history.getItems().getFirst()).satisfies(newest -> {
            assertThat(newest.by()).isEqualTo("alice@laptop-7");
            assertThat(newest.action()).isEqualTo("ADDED");
            assertThat(newest.item()).isEqualTo("s3://tf-states/app.tfstate?workspaces=*");
        });
        assertThat(history.getItems()).as("newest first: the setup's sources were saved before").last()
                .satisfies(oldest -> assertThat(oldest.by()).isEqualTo("driftdeck"));
    }
}
