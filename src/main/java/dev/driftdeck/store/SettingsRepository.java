package dev.driftdeck.store;

import dev.driftdeck.risk.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The console settings, one key per field in the {@code settings} table, shared by every console and {@code serve}
 * on the database. Every save that changes something is recorded in the {@link AuditLog}.
 */
public final class SettingsRepository {

    private static final String STATE_URIS = "console.stateUris";
    private static final String REGIONS = "console.regions";
    private static final String PROFILE = "console.profile";
    private static final String ENDPOINT_URL = "console.endpointUrl";
    private static final String STRICT = "console.strict";
    private static final String SCAN_INTERVAL = "console.scanIntervalMinutes";
    /** The severity's name, or "" for any drift. */
    private static final String NOTIFY_AT_LEAST = "console.notifyAtLeast";
    /** The trail's s3://bucket/prefix/, or "" for CloudTrail Event history. */
    private static final String CLOUD_TRAIL = "attribution.cloudTrail";

    private final Database db;
    private final ChangeAuthor author;
    private final Clock clock;

    /** Reads; a save through it is recorded as {@link ChangeAuthor#DRIFTDECK}'s (tests' setups, tools). */
    public SettingsRepository(Database db) {
        this(db, ChangeAuthor.DRIFTDECK, Clock.systemUTC());
    }

    /** @param author who saves through this repository; {@code clock} says when, in the audit log */
    public SettingsRepository(Database db, ChangeAuthor author, Clock clock) {
        this.db = db;
        this.author = author;
        this.clock = clock;
    }

    /** The stored settings; a field never saved takes its default. */
    public ConsoleSettings load() {
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = db.connection()) {
            stored.putAll(stored(connection));
        } catch (SQLException e) {
            throw new DatabaseException("Reading the console settings from " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
        ConsoleSettings defaults = ConsoleSettings.defaults();
        return new ConsoleSettings(
                stored.containsKey(STATE_URIS) ? Columns.fromJson(stored.get(STATE_URIS), STATE_URIS) : defaults.stateUris(),
                stored.containsKey(REGIONS) ? Columns.fromJson(stored.get(REGIONS), REGIONS) : defaults.regions(),
                stored.getOrDefault(PROFILE, defaults.profile()),
                stored.getOrDefault(ENDPOINT_URL, defaults.endpointUrl()),
                stored.containsKey(STRICT) ? Boolean.parseBoolean(stored.get(STRICT)) : defaults.strict(),
                stored.containsKey(SCAN_INTERVAL) ? parseInterval(stored.get(SCAN_INTERVAL)) : defaults.scanIntervalMinutes(),
                parseSeverity(stored.getOrDefault(NOTIFY_AT_LEAST, "")));
    }

    /**
     * Replaces every console setting in one transaction, with one audit entry per setting that changed (each state
     * source added or removed is an entry of its own), by this repository's author, at its clock's time.
     */
    public void save(ConsoleSettings settings) {
        Map<String, String> values = values(settings);
        try {
            db.inTransaction(connection -> {
                Map<String, String> before = new HashMap<>(values(ConsoleSettings.defaults()));
                before.putAll(stored(connection));
                audit(connection, before, values);
                try (PreparedStatement merge = connection.prepareStatement(
                        db.dialect().upsert("settings", "setting_key", "setting_key", "setting_value"))) {
                    for (Map.Entry<String, String> entry : values.entrySet()) {
                        merge.setString(1, entry.getKey());
                        merge.setString(2, entry.getValue());
                        merge.addBatch();
                    }
                    return merge.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Saving the console settings to " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void audit(Connection connection, Map<String, String> before, Map<String, String> after)
            throws SQLException {
        Instant now = clock.instant();
        for (String key : new TreeSet<>(after.keySet())) {
            String was = before.get(key);
            String is = after.get(key);
            if (Objects.equals(was, is)) {
                continue;
            }
            if (key.equals(STATE_URIS)) {
                List<String> previous = Columns.fromJson(was, STATE_URIS);
                List<String> configured = Columns.fromJson(is, STATE_URIS);
                for (String uri : configured) {
                    if (!previous.contains(uri)) {
                        AuditLog.append(connection, author, now, AuditLog.SOURCE, uri, AuditLog.ADDED, null, null);
                    }
                }
                for (String uri : previous) {
                    if (!configured.contains(uri)) {
                        AuditLog.append(connection, author, now, AuditLog.SOURCE, uri, AuditLog.REMOVED, null, null);
                    }
                }
            } else {
                AuditLog.append(connection, author, now, AuditLog.SETTING, key, AuditLog.CHANGED, was, is);
            }
        }
    }

    private static Map<String, String> stored(Connection connection) throws SQLException {
        return storedUnder(connection, "console.");
    }

    /** The stored settings whose keys start with {@code prefix} ({@code console.}, {@code notify.}). */
    static Map<String, String> storedUnder(Connection connection, String prefix) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT setting_key, setting_value FROM settings WHERE setting_key LIKE ?")) {
            select.setString(1, prefix + "%");
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getString(1), row.getString(2));
                }
            }
        }
        return stored;
    }

    private static Map<String, String> values(ConsoleSettings settings) {
        Map<String, String> values = new HashMap<>();
        values.put(STATE_URIS, Columns.toJson(settings.stateUris()));
        values.put(REGIONS, Columns.toJson(settings.regions()));
        values.put(PROFILE, settings.profile());
        values.put(ENDPOINT_URL, settings.endpointUrl());
        values.put(STRICT, Boolean.toString(settings.strict()));
        values.put(SCAN_INTERVAL, Integer.toString(settings.scanIntervalMinutes()));
        values.put(NOTIFY_AT_LEAST, settings.notifyAtLeast() == null ? "" : settings.notifyAtLeast().name());
        return values;
    }

    /**
     * Where the console looks up who changed the drift: a trail's logs {@code s3://bucket/prefix/}, or null for
     * CloudTrail Event history (the default). Kept apart from {@link ConsoleSettings}: the Sources page sets it alone.
     */
    public String cloudTrail() {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT setting_value FROM settings WHERE setting_key = ?")) {
            select.setString(1, CLOUD_TRAIL);
            try (ResultSet row = select.executeQuery()) {
                String value = row.next() ? row.getString(1) : null;
                return value == null || value.isBlank() ? null : value;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Reading the setting " + CLOUD_TRAIL + " from " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Saves where who changed the drift is looked up; null or blank for CloudTrail Event history. */
    public void saveCloudTrail(String uri) {
        try {
            db.inTransaction(connection -> {
                String was = null;
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT setting_value FROM settings WHERE setting_key = ?")) {
                    select.setString(1, CLOUD_TRAIL);
                    try (ResultSet row = select.executeQuery()) {
                        was = row.next() ? row.getString(1) : null;
                    }
                }
                String is = uri == null ? "" : uri.strip();
                try (PreparedStatement merge = connection.prepareStatement(
                        db.dialect().upsert("settings", "setting_key", "setting_key", "setting_value"))) {
                    merge.setString(1, CLOUD_TRAIL);
                    merge.setString(2, is);
                    merge.executeUpdate();
                }
                if (!Objects.equals(was == null ? "" : was, is)) {
                    AuditLog.append(connection, author, clock.instant(), AuditLog.SETTING, CLOUD_TRAIL,
                            AuditLog.CHANGED, was, is);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new DatabaseException("Saving the setting " + CLOUD_TRAIL + " to " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private Severity parseSeverity(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return Severity.parse(stored);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("Stored setting " + NOTIFY_AT_LEAST + " in " + db.location() + " is not a severity: '"
                    + stored + "'. Save the settings again from the console.", e);
        }
    }

    private int parseInterval(String stored) {
        try {
            return Math.max(1, Integer.parseInt(stored));
        } catch (NumberFormatException e) {
            throw new DatabaseException("Stored setting " + SCAN_INTERVAL + " in " + db.location() + " is not a number: '"
                    + stored + "'. Save the settings again from the console.", e);
        }
    }
}
