package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The append-only {@code audit_log} (V9): every change to a shared setting, state source or ignore rule, with who
 * and when. The repositories append in the same transaction as the change itself, so a change is never stored
 * without its entry nor the other way round. See DECISIONS "Shared and audited".
 */
public final class AuditLog {

    public static final String SETTING = "setting";
    public static final String SOURCE = "source";
    public static final String IGNORE_RULE = "ignore-rule";
    public static final String ADDED = "ADDED";
    public static final String REMOVED = "REMOVED";
    public static final String CHANGED = "CHANGED";

    /** {@code scheme://user:password@host}: the credentials part of a URL, masked before it reaches the log. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?<=://)[^/@\\s]*@");

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** One change, appended on the caller's transaction. */
    static void append(Connection connection, ChangeAuthor by, Instant at, String subject, String item, String action,
                       String before, String after) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_log (changed_at, changed_by, subject, item, action, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            Columns.setInstant(insert, 1, at);
            insert.setString(2, by.name());
            insert.setString(3, subject);
            insert.setString(4, masked(item));
            insert.setString(5, action);
            insert.setString(6, masked(before));
            insert.setString(7, masked(after));
            insert.executeUpdate();
        }
    }

    /** {@code value} without the {@code user:password@} of any URL in it. */
    static String masked(String value) {
        return value == null ? null : URL_CREDENTIALS.matcher(value).replaceAll("***@");
    }

    /**
     * The newest entries first.
     *
     * @throws DatabaseException naming the database when it cannot be read
     */
    public List<AuditEntry> recent(int limit) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, changed_at, changed_by, subject, item, action, before_value, after_value
                     FROM audit_log ORDER BY id DESC""")) {
            select.setMaxRows(Math.max(1, limit));
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(entry(row));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new DatabaseException("Reading the change history from " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The last change of each item of {@code subject}, by item (a source as configured, a rule line).
     *
     * @throws DatabaseException naming the database when it cannot be read
     */
    public Map<String, ChangeStamp> lastChanges(String subject) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, changed_at, changed_by, subject, item, action, before_value, after_value
                     FROM audit_log WHERE subject = ? ORDER BY id DESC""")) {
            select.setString(1, subject);
            Map<String, ChangeStamp> last = new HashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    AuditEntry entry = entry(row);
                    last.putIfAbsent(entry.item(), entry.stamp());
                }
            }
            return last;
        } catch (SQLException e) {
            throw new DatabaseException("Reading the change history from " + db.location() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), Columns.getInstant(row, "changed_at"), row.getString("changed_by"),
                row.getString("subject"), row.getString("item"), row.getString("action"),
                row.getString("before_value"), row.getString("after_value"));
    }
}
