package dev.driftdeck.ui.fx;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.sources.PathChooser;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state sources are a page of the main window (one place that edits the list): files and folders come from a
 * chooser (here the test's, through the same port the desktop's file dialogs sit behind), S3 URIs are checked as they
 * are typed, and the list is saved through the console's services.
 */
@ExtendWith(ApplicationExtension.class)
class SourcesPageFxTest {

    @TempDir
    static Path temp;

    private final InMemoryServices services =
            InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())), null);
    /** What the "user" picks in the next file or folder dialog. */
    private volatile Path nextChoice;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        services.withSources(temp);
        PathChooser chooser = new PathChooser() {
            @Override
            public Optional<Path> chooseStateFile(javafx.stage.Window owner) {
                return Optional.ofNullable(nextChoice);
            }

            @Override
            public Optional<Path> chooseFolder(javafx.stage.Window owner) {
                return Optional.ofNullable(nextChoice);
            }
        };
        window = ConsoleWindow.open(stage, services, chooser);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void sourcesAreASidebarPageOpenedWithCtrl5(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);

        await(() -> robot.lookup("#sources-configured").tryQuery().isPresent());
        assertThat(robot.lookup("#nav-sources").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#sources-configured").query().getScene()).isSameAs(window.stage().getScene());
        assertThat(robot.lookup("#sources-button").tryQuery()).as("no separate Sources window any more").isEmpty();
    }

    @Test
    void anS3UriIsCheckedAsItIsTypedAndAddIsOffWhileItIsWrong(FxRobot robot) throws Exception {
        robot.clickOn("#nav-sources");
        Label problem = robot.lookup("#sources-problem").queryAs(Label.class);

        robot.clickOn("#sources-input").write("s3://Bad_Bucket/prod.tfstate");

        await(() -> problem.getText().contains("'Bad_Bucket' is not an S3 bucket name"));
        assertThat(robot.lookup("#sources-add").queryButton().isDisabled()).isTrue();

        robot.doubleClickOn("#sources-input").eraseText(40).write("s3://tf-states/prod.tfstate");
        await(() -> problem.getText().isEmpty() && !robot.lookup("#sources-add").queryButton().isDisabled());
        robot.clickOn("#sources-add");

        await(() -> services.settings().stateUris().equals(List.of("s3://tf-states/prod.tfstate")));
        ListView<?> configured = robot.lookup("#sources-configured").queryListView();
        await(() -> configured.getItems().size() == 1);
    }

    @Test
    void addFileAndAddFolderTakeWhatTheChooserGivesAndRemoveTakesItOut(FxRobot robot) throws Exception {
        Path state = Files.writeString(temp.resolve("prod.tfstate"), "{\"version\": 4, \"serial\": 1, \"resources\": []}");
        Path folder = Files.createDirectories(temp.resolve("envs"));
        Files.writeString(folder.resolve("dev.tfstate"), "{\"version\": 4, \"serial\": 1, \"resources\": []}");
        robot.clickOn("#nav-sources");
        ListView<?> configured = robot.lookup("#sources-configured").queryListView();

        nextChoice = state;
        robot.clickOn("#sources-add-file");
        await(() -> configured.getItems().size() == 1);
        nextChoice = folder;
        robot.clickOn("#sources-add-folder");
        await(() -> configured.getItems().size() == 2);
        assertThat(services.settings().stateUris()).containsExactly(state.toString(), folder.toString());

        nextChoice = null; // the user cancels the dialog: nothing changes
        robot.clickOn("#sources-add-file");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(configured.getItems()).hasSize(2);

        robot.interact(() -> configured.getSelectionModel().select(0));
        robot.clickOn("#sources-remove");
        await(() -> services.settings().stateUris().equals(List.of(folder.toString())));
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
