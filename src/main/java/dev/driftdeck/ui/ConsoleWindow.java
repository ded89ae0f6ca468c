package dev.driftdeck.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.time.Clock;
import java.util.Objects;

/**
 * The main window: theme, scene, stylesheet and lifecycle. The app root calls
 * {@link #open(Stage, ConsoleServices)} on the FX thread; closing the stage unsubscribes everything
 * and stops the console's worker threads (the app root still owns scheduler and database shutdown).
 */
public final class ConsoleWindow implements AutoCloseable {

    public static final String STYLESHEET = "/dev/driftdeck/ui/console.css";
    private static final double PREFERRED_WIDTH = 1360;
    private static final double PREFERRED_HEIGHT = 860;

    private final Stage stage;
    private final ConsoleViewModel model;
    private final ConsoleView view;
    private final BackgroundTasks tasks;
    private final boolean ownsTasks;

    private ConsoleWindow(Stage stage, ConsoleViewModel model, ConsoleView view, BackgroundTasks tasks, boolean ownsTasks) {
        this.stage = stage;
        this.model = model;
        this.view = view;
        this.tasks = tasks;
        this.ownsTasks = ownsTasks;
    }

    /** Opens the console on {@code stage} with real daemon workers and the system clock. FX thread only. */
    public static ConsoleWindow open(Stage stage, ConsoleServices services) {
        return open(stage, services, BackgroundTasks.daemon("driftdeck-ui"), Clock.systemDefaultZone(), true);
    }

    /** As {@link #open(Stage, ConsoleServices)}, with the executor and clock chosen by the caller (tests). */
    public static ConsoleWindow open(Stage stage, ConsoleServices services, BackgroundTasks tasks, Clock clock) {
        return open(stage, services, tasks, clock, false);
    }

    private static ConsoleWindow open(Stage stage, ConsoleServices services, BackgroundTasks tasks, Clock clock, boolean ownsTasks) {
        Objects.requireNonNull(stage);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ConsoleViewModel model = new ConsoleViewModel(services, tasks, clock);
        ConsoleView view = new ConsoleView(model);
        // Never larger than the screen: small laptop displays (and headless test screens) get a window that fits.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(PREFERRED_WIDTH, screen.getWidth()), Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleWindow.class.getResource(STYLESHEET)).toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Driftdeck");
        stage.getIcons().setAll(windowIcons());
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.setScene(scene);
        ConsoleWindow window = new ConsoleWindow(stage, model, view, tasks, ownsTasks);
        // An event handler, not setOnHidden: the app root keeps its own hidden/close handlers for shutdown.
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> window.close());
        model.start();
        view.startTimers();
        stage.show();
        return window;
    }

    /** The window manager picks the size it needs (title bar, taskbar, Alt-Tab); rendered by scripts/render-icons.sh. */
    static java.util.List<javafx.scene.image.Image> windowIcons() {
        return java.util.stream.IntStream.of(16, 24, 32, 48, 64, 128, 256)
                .mapToObj(size -> new javafx.scene.image.Image(Objects.requireNonNull(
                        ConsoleWindow.class.getResource("/dev/driftdeck/ui/icons/driftdeck-" + size + ".png"),
                        "window icon " + size + " px missing from the jar").toExternalForm()))
                .toList();
    }

    public Stage stage() {
        return stage;
    }

    public ConsoleViewModel model() {
        return model;
    }

    /** Stops timers, unsubscribes and stops the console's own workers; idempotent. */
    @Override
    public void close() {
        view.stopTimers();
        model.close();
        if (ownsTasks) {
            tasks.close();
        }
    }
}
