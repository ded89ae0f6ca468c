package dev.driftdeck.ui;

/**
 * The console's database setting, kept on this machine and read at start.
 *
 * @param saved  what the Settings dialog saved (a file path or a PostgreSQL URL), or "" for the embedded database
 * @param inUse  the database this console opened, as messages name it
 * @param source where {@code inUse} came from: "--db", "the Settings" or "the default"
 */
public record DatabaseSetting(String saved, String inUse, String source) {
}
