package dev.driftdeck.ui;

import dev.driftdeck.ui.comfort.Theme;
import dev.driftdeck.ui.comfort.WindowMemory;
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

    /**
     * Opens the console on {@code stage} with real daemon workers and the system clock, remembering nothing
     * between launches and without a browser (tests, demos). FX thread only.
     */
    public static ConsoleWindow open(Stage stage, ConsoleServices services) {
        // Tests keep the default notifier, which notifies nobody.
        return open(stage, services, BackgroundTasks.daemon("driftdeck-ui"), Clock.systemDefaultZone(), true,
                DesktopPorts.ephemeral());
    }

    /** As {@link #open(Stage, ConsoleServices)}, answering "Add file…" and "Add folder…" with {@code chooser} (tests). */
    public static ConsoleWindow open(Stage stage, ConsoleServices services, dev.driftdeck.ui.sources.PathChooser chooser) {
        return open(stage, services, BackgroundTasks.daemon("driftdeck-ui"), Clock.systemDefaultZone(), true,
                DesktopPorts.ephemeral().withChooser(chooser));
    }

    /** As {@link #open(Stage, ConsoleServices)}, with the desktop's preferences, browser and notifications (the app). */
    public static ConsoleWindow open(Stage stage, ConsoleServices services, DesktopPorts ports) {
        ConsoleWindow window = open(stage, services, BackgroundTasks.daemon("driftdeck-ui"), Clock.systemDefaultZone(),
                true, ports);
        window.model.notifications().setDesktopNotifier(dev.driftdeck.ui.notifications.DesktopNotifier.system());
        return window;
    }

    /** As {@link #open(Stage, ConsoleServices)}, with the executor and clock chosen by the caller (tests). */
    public static ConsoleWindow open(Stage stage, ConsoleServices services, BackgroundTasks tasks, Clock clock) {
        return open(stage, services, tasks, clock, false, DesktopPorts.ephemeral());
    }

    private static ConsoleWindow open(Stage stage, ConsoleServices services, BackgroundTasks tasks, Clock clock, boolean ownsTasks,
                                      DesktopPorts ports) {
        Objects.requireNonNull(stage);
        Theme theme = new Theme(ports.preferences());
        theme.apply();
        WindowMemory memory = new WindowMemory(ports.preferences());
        ConsoleViewModel model = new ConsoleViewModel(services, tasks, clock);
        ports.browser().ifPresent(model.detail()::setBrowser);
        // Filters first, so the first scan is shown the way the operator left it.
        memory.filters(model.findings());
        ConsoleView view = new ConsoleView(model, theme, ports.chooser());
        memory.columns(view.findingsView().table());
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
        memory.window(stage);
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
