package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The notifications' tables (V11): channels (without their secrets), the drift already announced, the delivery
 * history, and the rules the operator chose ({@code notify.*} settings; a change to them is recorded in the
 * {@link AuditLog} like every shared setting).
 */
public final class NotificationRepository {

    private static final String RESOLVED = "notify.resolved";
    private static final String JOB_FAILURES = "notify.jobFailures";
    private static final String STALE_HOURS = "notify.staleHours";
    private static final String DIGEST = "notify.digest";
    private static final String QUIET_FROM = "notify.quietFrom";
    private static final String QUIET_TO = "notify.quietTo";
    private static final String LAST_DIGEST_AT = "notify.lastDigestAt";

    private final Database db;
    private final ChangeAuthor author;
    private final Clock clock;

    /** Reads; rules saved through it are recorded as {@link ChangeAuthor#DRIFTDECK}'s (the notifier, tests' setups). */
    public NotificationRepository(Database db) {
        this(db, ChangeAuthor.DRIFTDECK, Clock.systemUTC());
    }

    /** @param author who saves rules through this repository; {@code clock} says when, in the audit log */
    public NotificationRepository(Database db, ChangeAuthor author, Clock clock) {
        this.db = db;
        this.author = author;
        this.clock = clock;
    }

    public NotificationChannel addChannel(NotificationChannel channel) {
        try {
            long id = db.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notification_channels (name, kind, target_masked, secret_ref, created_at)
                        VALUES (?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, channel.name());
                    insert.setString(2, channel.kind().name());
                    insert.setString(3, channel.targetMasked());
                    insert.setString(4, channel.secretRef());
                    Columns.setInstant(insert, 5, channel.createdAt());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return new NotificationChannel(id, channel.name(), channel.kind(), channel.targetMasked(),
                    channel.secretRef(), channel.createdAt());
        } catch (SQLException e) {
            throw failure("adding the notification channel '" + channel.name() + "'", e);
        }
    }

    public List<NotificationChannel> channels() {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, name, kind, target_masked, secret_ref, created_at FROM notification_channels ORDER BY id");
             ResultSet row = select.executeQuery()) {
            List<NotificationChannel> channels = new ArrayList<>();
            while (row.next()) {
                channels.add(new NotificationChannel(row.getLong("id"), row.getString("name"),
                        NotificationChannel.Kind.parse(row.getString("kind")), row.getString("target_masked"),
                        row.getString("secret_ref"), Columns.getInstant(row, "created_at")));
            }
            return channels;
        } catch (SQLException e) {
            throw failure("reading the notification channels", e);
        }
    }

    /** @return true when the channel was there */
    public boolean removeChannel(long id) {
        try {
            return db.inTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM notification_channels WHERE id = ?")) {
                    delete.setLong(1, id);
                    return delete.executeUpdate() > 0;
                }
            });
        } catch (SQLException e) {
            throw failure("removing notification channel " + id, e);
        }
    }

    /** Every drift announced and not yet resolved. */
    public List<SentDrift> sentDrift() {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT drift_key, resource_type, resource_id, account, region, status, severity, resource, sent_at
                     FROM notification_sent ORDER BY sent_at, drift_key""");
             ResultSet row = select.executeQuery()) {
            List<SentDrift> sent = new ArrayList<>();
            while (row.next()) {
                sent.add(new SentDrift(row.getString(1).trim(), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                        Columns.getInstant(row, "sent_at")));
            }
            return sent;
        } catch (SQLException e) {
            throw failure("reading the drift already announced", e);
        }
    }

    /** Remembers {@code announced} and forgets {@code resolved} (by key), in one transaction. */
    public void recordAnnounced(List<SentDrift> announced, List<String> resolved) {
        try {
            db.inTransaction(connection -> {
                try (PreparedStatement merge = connection.prepareStatement(db.dialect().upsert("notification_sent",
                        "drift_key", "drift_key", "resource_type", "resource_id", "account", "region", "status",
                        "severity", "resource", "sent_at"));
                     PreparedStatement delete = connection.prepareStatement(
                             "DELETE FROM notification_sent WHERE drift_key = ?")) {
                    for (SentDrift drift : announced) {
                        merge.setString(1, drift.driftKey());
                        merge.setString(2, drift.type());
                        merge.setString(3, drift.id());
                        merge.setString(4, drift.account());
                        merge.setString(5, drift.region());
                        merge.setString(6, drift.status());
                        merge.setString(7, drift.severity());
                        merge.setString(8, drift.resource());
                        Columns.setInstant(merge, 9, drift.sentAt());
                        merge.addBatch();
                    }
                    for (String key : resolved) {
                        delete.setString(1, key);
                        delete.addBatch();
                    }
                    merge.executeBatch();
                    return delete.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failure("recording the drift announced", e);
        }
    }

    public DeliveryRecord recordDelivery(DeliveryRecord delivery) {
        try {
            long id = db.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notification_deliveries
                            (sent_at, channel_id, channel_name, rule, outcome, attempts, title, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                    Columns.setInstant(insert, 1, delivery.at());
                    if (delivery.channelId() == null) {
                        insert.setNull(2, Types.BIGINT);
                    } else {
                        insert.setLong(2, delivery.channelId());
                    }
                    insert.setString(3, delivery.channelName());
                    insert.setString(4, delivery.rule());
                    insert.setString(5, delivery.outcome());
                    insert.setInt(6, delivery.attempts());
                    insert.setString(7, delivery.title());
                    insert.setString(8, delivery.error());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
            return new DeliveryRecord(id, delivery.at(), delivery.channelId(), delivery.channelName(), delivery.rule(),
                    delivery.outcome(), delivery.attempts(), delivery.title(), delivery.error());
        } catch (SQLException e) {
            throw failure("recording a notification delivery to '" + delivery.channelName() + "'", e);
        }
    }

    /** The newest {@code limit} deliveries, newest first. */
    public List<DeliveryRecord> deliveries(int limit) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT id, sent_at, channel_id, channel_name, rule, outcome, attempts, title, error
                     FROM notification_deliveries ORDER BY sent_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                List<DeliveryRecord> deliveries = new ArrayList<>();
                while (row.next()) {
                    long channel = row.getLong("channel_id");
                    deliveries.add(new DeliveryRecord(row.getLong("id"), Columns.getInstant(row, "sent_at"),
                            row.wasNull() ? null : channel, row.getString("channel_name"), row.getString("rule"),
                            row.getString("outcome"), row.getInt("attempts"), row.getString("title"),
                            row.getString("error")));
                }
                return deliveries;
            }
        } catch (SQLException e) {
            throw failure("reading the notification history", e);
        }
    }

    public NotificationSettings settings() {
        Map<String, String> stored;
        try (Connection connection = db.connection()) {
            stored = stored(connection);
        } catch (SQLException e) {
            throw failure("reading the notification rules", e);
        }
        NotificationSettings defaults = NotificationSettings.defaults();
        try {
            return new NotificationSettings(
                    stored.containsKey(RESOLVED) ? Boolean.parseBoolean(stored.get(RESOLVED)) : defaults.resolved(),
                    stored.containsKey(JOB_FAILURES) ? Boolean.parseBoolean(stored.get(JOB_FAILURES)) : defaults.jobFailures(),
                    stored.containsKey(STALE_HOURS) ? Integer.parseInt(stored.get(STALE_HOURS)) : defaults.staleHours(),
                    stored.containsKey(DIGEST) ? NotificationSettings.Digest.valueOf(stored.get(DIGEST)) : defaults.digest(),
                    blankOr(stored.get(QUIET_FROM), LocalTime::parse),
                    blankOr(stored.get(QUIET_TO), LocalTime::parse),
                    blankOr(stored.get(LAST_DIGEST_AT), Instant::parse));
        } catch (RuntimeException e) {
            throw new DatabaseException("The notification rules stored in " + db.location() + " cannot be read ("
                    + e.getMessage() + "). Save them again in Settings, \"Rules, channels and history…\".", e);
        }
    }

    /**
     * Saves the rules the operator chose in one transaction, with one audit entry per rule that changed, by this
     * repository's author. {@link NotificationSettings#lastDigestAt()} is not the operator's: it stays as stored.
     */
    public void saveRules(NotificationSettings rules) {
        Map<String, String> values = ruleValues(rules);
        try {
            db.inTransaction(connection -> {
                Map<String, String> before = new HashMap<>(ruleValues(NotificationSettings.defaults()));
                before.putAll(stored(connection));
                Instant now = clock.instant();
                for (Map.Entry<String, String> entry : values.entrySet()) {
                    String was = before.get(entry.getKey());
                    if (!Objects.equals(was, entry.getValue())) {
                        AuditLog.append(connection, author, now, AuditLog.SETTING, entry.getKey(), AuditLog.CHANGED,
                                was, entry.getValue());
                    }
                }
                return upsert(connection, values);
            });
        } catch (SQLException e) {
            throw failure("saving the notification rules", e);
        }
    }

    /**
     * Remembers when the digest went out. The notifier's bookkeeping, not an operator's change: not audited, and the
     * rules are left as they are (an edit saved meanwhile is not overwritten with what the notifier read before).
     */
    public void recordDigestSent(Instant at) {
        try {
            db.inTransaction(connection -> upsert(connection, Map.of(LAST_DIGEST_AT, at.toString())));
        } catch (SQLException e) {
            throw failure("recording when the digest went out", e);
        }
    }

    /** The rules as stored, in key order (the audit log's order within one save). */
    private static Map<String, String> ruleValues(NotificationSettings settings) {
        Map<String, String> values = new TreeMap<>();
        values.put(RESOLVED, Boolean.toString(settings.resolved()));
        values.put(JOB_FAILURES, Boolean.toString(settings.jobFailures()));
        values.put(STALE_HOURS, Integer.toString(settings.staleHours()));
        values.put(DIGEST, settings.digest().name());
        values.put(QUIET_FROM, settings.quietFrom() == null ? "" : settings.quietFrom().toString());
        values.put(QUIET_TO, settings.quietTo() == null ? "" : settings.quietTo().toString());
        return values;
    }

    private int[] upsert(Connection connection, Map<String, String> values) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(
                db.dialect().upsert("settings", "setting_key", "setting_key", "setting_value"))) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                merge.setString(1, entry.getKey());
                merge.setString(2, entry.getValue());
                merge.addBatch();
            }
            return merge.executeBatch();
        }
    }

    private static Map<String, String> stored(Connection connection) throws SQLException {
        return SettingsRepository.storedUnder(connection, "notify.");
    }

    private static <T> T blankOr(String stored, java.util.function.Function<String, T> parse) {
        return stored == null || stored.isBlank() ? null : parse.apply(stored);
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException("Failed " + what + " in " + db.location() + ": " + e.getMessage(), e);
    }
}
