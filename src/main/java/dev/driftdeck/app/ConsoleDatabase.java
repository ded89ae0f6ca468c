package dev.driftdeck.app;

import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.LocalSettingsFile;
import dev.driftdeck.ui.DatabaseSetting;

/**
 * Which database the console opens: {@code --db} when given, else the Settings dialog's choice (kept in the data
 * directory's {@link LocalSettingsFile}), else the embedded H2 file of the data directory.
 *
 * @param argument the {@code --db} value, or null
 */
record ConsoleDatabase(DataDirectory data, LocalSettingsFile settings, String argument) {

    static ConsoleDatabase of(DataDirectory data, String argument) {
        return new ConsoleDatabase(data, LocalSettingsFile.of(data), argument);
    }

    /**
     * @throws IllegalArgumentException naming the value when it is no database location
     * @throws dev.driftdeck.store.DatabaseException naming the settings file when it cannot be read
     */
    DatabaseLocation location() {
        if (argument != null) {
            return DatabaseLocation.parse(argument);
        }
        return settings.database().map(DatabaseLocation::parse)
                .orElseGet(() -> new DatabaseLocation.H2File(data.database().toAbsolutePath().normalize()));
    }

    /** Where {@link #location()} comes from, in the Settings dialog's words. */
    String source() {
        if (argument != null) {
            return "--db";
        }
        return settings.database().isPresent() ? "the Settings" : "the default";
    }

    /** What the Settings dialog shows; {@code inUse} as messages name it (never with a password). */
    DatabaseSetting setting(String inUse) {
        return new DatabaseSetting(settings.database().orElse(""), inUse, source());
    }

    /** What to do when the chosen database cannot be opened, appended to the reason. */
    String whatToDo() {
        return argument != null
                ? " The console opened without a database: correct --db, or start Driftdeck without it."
                : " The console opened without a database: change Settings → Database (it takes effect at the next"
                        + " start; blank is this machine's embedded database), then restart Driftdeck.";
    }
}
