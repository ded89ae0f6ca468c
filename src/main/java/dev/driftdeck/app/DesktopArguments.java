package dev.driftdeck.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's only command line: nothing, or {@code --data-dir PATH} (also {@code --data-dir=PATH}) to keep the
 * data somewhere other than the OS location (brief, section 11). Anything else is the CLI's.
 *
 * @param dataDir the data directory asked for, or null for {@code DRIFTDECK_HOME} / the OS convention
 */
record DesktopArguments(Path dataDir) {

    private static final String DATA_DIR = "--data-dir";

    /** The console's arguments, or empty when {@code args} are a CLI command line. */
    static Optional<DesktopArguments> parse(String[] args) {
        if (args.length == 0) {
            return Optional.of(new DesktopArguments(null));
        }
        if (args.length == 1 && args[0].startsWith(DATA_DIR + "=") && args[0].length() > DATA_DIR.length() + 1) {
            return Optional.of(new DesktopArguments(Path.of(args[0].substring(DATA_DIR.length() + 1))));
        }
        if (args.length == 2 && args[0].equals(DATA_DIR) && !args[1].isBlank()) {
            return Optional.of(new DesktopArguments(Path.of(args[1])));
        }
        return Optional.empty();
    }
}
