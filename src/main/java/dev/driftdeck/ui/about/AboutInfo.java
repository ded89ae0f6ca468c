package dev.driftdeck.ui.about;

import java.nio.file.Path;

/**
 * What the About dialog shows. Paths are null when the console runs without a database (tests, demos).
 *
 * @param version       Driftdeck's version from the jar manifest, "development" when run from classes
 * @param runtime       the Java runtime's version and home (the packaged app's own jlinked runtime)
 * @param dataDirectory where data, database and logs live (brief, section 11)
 * @param databaseFile  the H2 file, null on a server
 * @param database      which database, as the dialog shows it: the H2 file, or a server's URL (never with a password)
 *                      and its product and version
 * @param schemaVersion the database's applied schema version, "none" for an empty database
 * @param logFile       the desktop's rolling log file
 */
public record AboutInfo(String version, String runtime, Path dataDirectory, Path databaseFile, String database,
                        String schemaVersion, Path logFile) {

    /** Version and runtime only: what is known without a database. */
    public static AboutInfo withoutDatabase() {
        return new AboutInfo(runningVersion(), runningRuntime(), null, null, null, null, null);
    }

    public static String runningVersion() {
        String version = AboutInfo.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static String runningRuntime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")";
    }
}
