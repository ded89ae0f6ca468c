package dev.driftdeck.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Driftdeck keeps its data on this machine (brief, section 11): {@code --data-dir}, else
 * {@code DRIFTDECK_HOME}, else the OS convention ({@code $XDG_DATA_HOME/driftdeck},
 * {@code ~/Library/Application Support/Driftdeck}, {@code %APPDATA%\Driftdeck}).
 */
public record DataDirectory(Path root) {

    public static DataDirectory resolve(Path override) {
        return resolve(override, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static DataDirectory resolve(Path override, Map<String, String> env, String osName, String userHome) {
        if (override != null) {
            return new DataDirectory(override.toAbsolutePath());
        }
        String home = env.get("DRIFTDECK_HOME");
        if (home != null && !home.isBlank()) {
            return new DataDirectory(Path.of(home).toAbsolutePath());
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.getOrDefault("APPDATA", userHome + "\\AppData\\Roaming");
            return new DataDirectory(Path.of(appData, "Driftdeck"));
        }
        if (os.contains("mac")) {
            return new DataDirectory(Path.of(userHome, "Library", "Application Support", "Driftdeck"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(userHome, ".local", "share") : Path.of(xdg);
        return new DataDirectory(base.resolve("driftdeck"));
    }

    /** The H2 database file path, without H2's {@code .mv.db} suffix. */
    public Path database() {
        return root.resolve("driftdeck");
    }

    public Path logs() {
        return root.resolve("logs");
    }
}
