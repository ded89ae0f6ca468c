package dev.driftdeck.ui.fx;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh installation: no scan stored yet. The table says what to do; the first stored scan fills it. */
@ExtendWith(ApplicationExtension.class)
class EmptyConsoleFxTest {

    private final InMemoryServices services =
            InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())), null);
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, services);
        // The console opens on the overview; these tests work on the findings page.
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void tableSaysHowToGetAScanUntilOneIsStored(FxRobot robot) throws Exception {
        Label placeholder = robot.lookup(".findings-placeholder").queryAs(Label.class);
        // The in-memory settings have no state source yet: the first thing to do is add one.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> placeholder.getText().startsWith("No state sources yet. Add one on the Sources page"));
        assertThat(placeholder.isVisible()).isTrue();

        services.store(SampleScans.small());

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#findings-table").queryAs(TableView.class).getItems().size() == 10);
    }

    @Test
    void shortcutFocusesTheSearchField(FxRobot robot) {
        robot.clickOn("#findings-table");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);

        assertThat(robot.lookup("#findings-search").queryAs(TextField.class).isFocused()).isTrue();
    }
}
