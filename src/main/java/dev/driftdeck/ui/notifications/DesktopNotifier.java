package dev.driftdeck.ui.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A notification outside the window, where the desktop offers one. May block briefly: call it off the FX thread.
 * Never throws: a desktop without notifications simply gets none.
 */
@FunctionalInterface
public interface DesktopNotifier {

    Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);

    /** Does nothing: tests, and desktops that offer nothing. */
    DesktopNotifier NONE = (title, body) -> { };

    void notify(String title, String body);

    /** {@code notify-send} (libnotify) when it is on the PATH, else {@link #NONE}. */
    static DesktopNotifier system() {
        return system(System.getenv("PATH"));
    }

    /**
     * {@code notify-send} when it is in one of the directories of {@code searchPath} (a PATH value), else
     * {@link #NONE}. Tests pass a directory of their own, so no real notification pops up.
     */
    static DesktopNotifier system(String searchPath) {
        return onPath("notify-send", searchPath).<DesktopNotifier>map(DesktopNotifier::notifySend).orElseGet(() -> {
            LOG.info("No desktop notifications: notify-send is not on the PATH (in-app notifications still show)");
            return NONE;
        });
    }

    /** Runs {@code notify-send --app-name=Driftdeck title body}, waiting at most five seconds. */
    static DesktopNotifier notifySend(Path executable) {
        return (title, body) -> {
            try {
                Process process = new ProcessBuilder(List.of(executable.toString(), "--app-name=Driftdeck",
                        "--icon=dialog-warning", title, body))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    LOG.warn("notify-send did not finish in 5 s; stopped it");
                } else if (process.exitValue() != 0) {
                    LOG.warn("notify-send exited with {} (no notification daemon?)", process.exitValue());
                }
            } catch (java.io.IOException e) {
                LOG.warn("Could not run {}: {}", executable, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
