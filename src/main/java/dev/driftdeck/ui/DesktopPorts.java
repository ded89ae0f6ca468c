package dev.driftdeck.ui;

import dev.driftdeck.ui.comfort.PreferenceStore;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the console needs from the desktop it runs on: somewhere to remember preferences, and a browser for
 * "Open in AWS console" (the app's {@code HostServices.showDocument}).
 *
 * @param preferences theme, window, columns and filters between launches
 * @param browser     opens a URL in the user's browser; empty when there is none (tests, demos)
 */
public record DesktopPorts(PreferenceStore preferences, Optional<Consumer<String>> browser) {

    /** Nothing remembered beyond this window, no browser: tests and demos. */
    public static DesktopPorts ephemeral() {
        return new DesktopPorts(PreferenceStore.inMemory(), Optional.empty());
    }
}
