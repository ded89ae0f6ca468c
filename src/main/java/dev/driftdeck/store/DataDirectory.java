package dev.driftdeck.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

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

    /**
     * Creates the data and log directories owner-only (0700 on POSIX file systems) and tightens them when they
     * already exist with wider rights. Runs before anything writes there: the log appender would otherwise create
     * both with the process umask (usually 0755). The user's home directory itself is never chmod-ed, even when
     * named as the data directory.
     *
     * @throws DatabaseException when a directory cannot be created, with what to do
     */
    public DataDirectory preparePrivate() {
        for (Path dir : new Path[] {root, logs()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                // The same words as Database.open's, whichever of the two meets the problem first.
                throw new DatabaseException("Could not create the data directory " + dir + ": " + e
                        + ". Create it yourself or start Driftdeck with another --data-dir.", e);
            }
            if (!dir.equals(Path.of(System.getProperty("user.home")).toAbsolutePath())) {
                restrictToOwner(dir, OWNER_ONLY_DIR);
            }
        }
        return this;
    }

    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    /** 0600, for the database and log files. */
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * Sets {@code permissions} on {@code path} when the file system is POSIX and the path exists; a failure is
     * logged, not thrown (the data stays usable). Windows relies on the per-user ACLs of %APPDATA%.
     */
    public static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.exists(path)) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(DataDirectory.class).warn(
                    "Could not restrict {} to its owner ({}); other local users may be able to read it", path, e.toString());
        }
    }
}
