package dev.driftdeck.ui;

import dev.driftdeck.ui.comfort.PreferenceStore;
import dev.driftdeck.ui.sources.PathChooser;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the console needs from the desktop it runs on: somewhere to remember preferences, a browser for
 * "Open in AWS console" (the app's {@code HostServices.showDocument}) and the file and folder dialogs.
 *
 * @param preferences theme, window, columns and filters between launches
 * @param browser     opens a URL in the user's browser; empty when there is none (tests, demos)
 * @param chooser     the Sources page's "Add file…" and "Add folder…" dialogs
 */
public record DesktopPorts(PreferenceStore preferences, Optional<Consumer<String>> browser, PathChooser chooser) {

    /** The desktop's own file dialogs. */
    public DesktopPorts(PreferenceStore preferences, Optional<Consumer<String>> browser) {
        this(preferences, browser, PathChooser.system());
    }

    /** Nothing remembered beyond this window, no browser: tests and demos. */
    public static DesktopPorts ephemeral() {
        return new DesktopPorts(PreferenceStore.inMemory(), Optional.empty());
    }

    /** These ports with another file chooser (tests answer the dialog themselves). */
    public DesktopPorts withChooser(PathChooser other) {
        return new DesktopPorts(preferences, browser, other);
    }
}
