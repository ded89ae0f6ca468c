package dev.driftdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code daily-refresh} job reads and writes besides scans and runs: the retention policy, the AWS account
 * it last saw (in the {@code settings} table, keys {@code retention.*} and {@code aws.account}), and database
 * statistics.
 */
public final class MaintenanceRepository {

    private static final String MAX_AGE_DAYS = "retention.maxAgeDays";
    private static final String MAX_SCANS = "retention.maxScans";
    private static final String MAX_RUNS_PER_JOB = "retention.maxRunsPerJob";
    private static final String ACCOUNT_ID = "aws.account.id";
    private static final String ACCOUNT_ARN = "aws.account.arn";
    private static final String ACCOUNT_REGIONS = "aws.account.enabledRegions";
    private static final String ACCOUNT_CHECKED_AT = "aws.account.checkedAt";

    private final Database db;

    public MaintenanceRepository(Database db) {
        this.db = db;
    }

    /**
     * How much history to keep.
     *
     * @param maxAge        scans and runs started longer ago are deleted
     * @param maxScans      at most this many scans (the newest scan is always kept)
     * @param maxRunsPerJob at most this many runs per job
     */
    public record Retention(Duration maxAge, int maxScans, int maxRunsPerJob) {

        public static Retention defaults() {
            return new Retention(Duration.ofDays(90), 500, 1000);
        }

        public Retention {
            if (maxAge.isNegative() || maxAge.isZero() || maxScans < 1 || maxRunsPerJob < 1) {
                throw new IllegalArgumentException("Retention must keep something: " + maxAge + ", " + maxScans
                        + " scans, " + maxRunsPerJob + " runs per job");
            }
        }
    }

    /**
     * The AWS account the console's settings reach, as the last daily refresh found it.
     *
     * @param account        the account id
     * @param arn            the caller's ARN (user or role)
     * @param enabledRegions regions enabled for the account (EC2 DescribeRegions)
     * @param checkedAt      when it was read
     */
    public record AwsAccount(String account, String arn, List<String> enabledRegions, Instant checkedAt) {

        public AwsAccount {
            enabledRegions = List.copyOf(enabledRegions);
        }
    }

    /** The stored policy; a value never set (or unreadable) takes its default. */
    public Retention retention() {
        Map<String, String> stored = read("retention.%");
        Retention defaults = Retention.defaults();
        try {
            return new Retention(
                    stored.containsKey(MAX_AGE_DAYS) ? Duration.ofDays(Long.parseLong(stored.get(MAX_AGE_DAYS))) : defaults.maxAge(),
                    stored.containsKey(MAX_SCANS) ? Integer.parseInt(stored.get(MAX_SCANS)) : defaults.maxScans(),
                    stored.containsKey(MAX_RUNS_PER_JOB) ? Integer.parseInt(stored.get(MAX_RUNS_PER_JOB)) : defaults.maxRunsPerJob());
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("Stored retention settings in " + db.location() + " are not usable (" + e.getMessage()
                    + "); delete the retention.* rows from the settings table to go back to 90 days / 500 scans"
                    + " / 1000 runs per job.", e);
        }
    }

    public void saveRetention(Retention retention) {
        write(Map.of(MAX_AGE_DAYS, Long.toString(retention.maxAge().toDays()),
                MAX_SCANS, Integer.toString(retention.maxScans()),
                MAX_RUNS_PER_JOB, Integer.toString(retention.maxRunsPerJob())));
    }

    public Optional<AwsAccount> awsAccount() {
        Map<String, String> stored = read("aws.account.%");
        if (!stored.containsKey(ACCOUNT_ID)) {
            return Optional.empty();
        }
        return Optional.of(new AwsAccount(stored.get(ACCOUNT_ID), stored.get(ACCOUNT_ARN),
                Columns.fromJson(stored.getOrDefault(ACCOUNT_REGIONS, "[]"), ACCOUNT_REGIONS),
                Instant.parse(stored.get(ACCOUNT_CHECKED_AT))));
    }

    public void saveAwsAccount(AwsAccount account) {
        write(Map.of(ACCOUNT_ID, account.account(), ACCOUNT_ARN, account.arn(),
                ACCOUNT_REGIONS, Columns.toJson(account.enabledRegions()),
                ACCOUNT_CHECKED_AT, account.checkedAt().toString()));
    }

    /** Refreshes the optimizer's statistics (H2 {@code ANALYZE}): cheap, and keeps history queries on their indexes. */
    public void analyze() {
        try {
            // Fenced too: a deposed leader's daily job touches nothing, not even the planner's statistics.
            db.inLeaderTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute("ANALYZE");
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Analyzing the database " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    private Map<String, String> read(String keyPattern) {
        Map<String, String> values = new java.util.HashMap<>();
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT setting_key, setting_value FROM settings WHERE setting_key LIKE ?")) {
            select.setString(1, keyPattern);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.put(row.getString(1), row.getString(2));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new DatabaseException("Reading " + keyPattern + " from " + db.location() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The values in one leader write: all or none of them, and none from a deposed leader's daily job (fenced).
     */
    private void write(Map<String, String> values) {
        try {
            db.inLeaderTransaction(connection -> {
                try (PreparedStatement merge = connection.prepareStatement(
                        db.dialect().upsert("settings", "setting_key", "setting_key", "setting_value"))) {
                    for (Map.Entry<String, String> value : values.entrySet()) {
                        merge.setString(1, value.getKey());
                        merge.setString(2, value.getValue());
                        merge.addBatch();
                    }
                    return merge.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Saving " + String.join(", ", new java.util.TreeSet<>(values.keySet())) + " to "
                    + db.location() + " failed: " + e.getMessage(), e);
        }
    }
}
