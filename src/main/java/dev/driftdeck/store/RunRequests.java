package dev.driftdeck.store;

import dev.driftdeck.schedule.RunNowResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Run now" asked where the scheduler does not run (a follower of a shared database): a row in {@code run_requests}
 * that the leader serves with its scheduler's answer (STARTED, MERGED or BLOCKED and why), which the asker reads back.
 */
public final class RunRequests {

    /** A request not served yet. */
    public record Pending(long id, String job, String requestedBy) {
    }

    private final Database db;

    public RunRequests(Database db) {
        this.db = db;
    }

    /** Files a request for {@code job}; returns its id. Not a leader write: anyone may ask. */
    public long request(String job, String requestedBy, Instant at) {
        try (Connection connection = db.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO run_requests (job, requested_by, requested_at) VALUES (?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, job);
            insert.setString(2, requestedBy);
            Columns.setInstant(insert, 3, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("filing a run-now request for " + job, e);
        }
    }

    /** The requests no leader has served yet, oldest first. */
    public List<Pending> pending() {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, job, requested_by FROM run_requests WHERE result IS NULL ORDER BY id");
             ResultSet row = select.executeQuery()) {
            List<Pending> pending = new ArrayList<>();
            while (row.next()) {
                pending.add(new Pending(row.getLong(1), row.getString(2), row.getString(3)));
            }
            return List.copyOf(pending);
        } catch (SQLException e) {
            throw failure("reading the pending run-now requests", e);
        }
    }

    /**
     * The leader's answer to request {@code id}: a leader write (fenced in team mode), and only the first answer
     * counts.
     *
     * @return false when the request was answered already
     */
    public boolean answer(long id, RunNowResult result, String servedBy, Instant at) {
        try {
            return db.inLeaderTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE run_requests SET result = ?, reason = ?, served_by = ?, served_at = ?
                        WHERE id = ? AND result IS NULL""")) {
                    update.setString(1, result.kind().name());
                    update.setString(2, result.reason());
                    update.setString(3, servedBy);
                    Columns.setInstant(update, 4, at);
                    update.setLong(5, id);
                    return update.executeUpdate() == 1;
                }
            });
        } catch (SQLException e) {
            throw failure("answering run-now request " + id, e);
        }
    }

    /** The answer to request {@code id} with who served it, or empty while no leader has. */
    public Optional<Answer> answerTo(long id) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT result, reason, served_by FROM run_requests WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getString(1) == null) {
                    return Optional.empty();
                }
                RunNowResult.Kind kind = RunNowResult.Kind.valueOf(row.getString(1));
                return Optional.of(new Answer(new RunNowResult(kind, row.getString(2)), row.getString(3)));
            }
        } catch (SQLException e) {
            throw failure("reading the answer to run-now request " + id, e);
        }
    }

    /** A served request: the scheduler's answer and the leader ({@code user@host:pid}) that gave it. */
    public record Answer(RunNowResult result, String servedBy) {
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException(what + " in " + db.location() + " failed: " + e.getMessage(), e);
    }
}
