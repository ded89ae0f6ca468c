package dev.driftdeck.store;

import dev.driftdeck.schedule.JobCounters;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.schedule.RunStore;
import dev.driftdeck.schedule.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduler's run history and job schedules in the {@code job_runs} and {@code job_settings} tables. */
public final class JdbcRunStore implements RunStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcRunStore.class);

    private final Database db;

    public JdbcRunStore(Database db) {
        this.db = db;
    }

    @Override
    public long runStarted(String job, Trigger trigger, Instant scheduledFor, Instant startedAt, int coalescedSlots) {
        try {
            return db.inLeaderTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO job_runs (job, run_trigger, scheduled_for, started_at, coalesced_slots, instance)
                        VALUES (?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, job);
                    insert.setString(2, trigger.name());
                    Columns.setInstant(insert, 3, scheduledFor);
                    Columns.setInstant(insert, 4, startedAt);
                    insert.setInt(5, coalescedSlots);
                    insert.setString(6, InstanceName.hostPid());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("recording the start of a " + job + " run", e);
        }
    }

    @Override
    public void runFinished(long runId, Instant finishedAt, RunOutcome outcome, String error) {
        try {
            int updated = db.inLeaderTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE job_runs SET finished_at = ?, outcome = ?, error = ? WHERE id = ? AND outcome IS NULL")) {
                    Columns.setInstant(update, 1, finishedAt);
                    update.setString(2, outcome.name());
                    update.setString(3, error);
                    update.setLong(4, runId);
                    return update.executeUpdate();
                }
            });
            if (updated == 0) {
                log.debug("Run {} was already completed; keeping its first outcome, not {}", runId, outcome);
            }
        } catch (SQLException e) {
            throw failure("recording the end of run " + runId, e);
        }
    }

    @Override
    public List<JobRun> runs(RunQuery query) {
        return history(query).stream().map(RecordedRun::run).toList();
    }

    /**
     * The newest runs first, filtered by job and outcome, each with the {@code host:pid} of the instance that ran it
     * (null for runs recorded before team mode).
     */
    public List<RecordedRun> history(RunQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, job, run_trigger, scheduled_for, started_at, finished_at, outcome, error, coalesced_slots,
                       instance
                FROM job_runs WHERE 1 = 1""");
        List<String> params = new ArrayList<>();
        if (query.job() != null) {
            sql.append(" AND job = ?");
            params.add(query.job());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(query.outcome().name());
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            for (String param : params) {
                select.setString(i++, param);
            }
            select.setInt(i, query.limit());
            List<RecordedRun> runs = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String outcome = row.getString("outcome");
                    runs.add(new RecordedRun(new JobRun(row.getLong("id"), row.getString("job"),
                            Trigger.valueOf(row.getString("run_trigger")), Columns.getInstant(row, "scheduled_for"),
                            Columns.getInstant(row, "started_at"), Columns.getInstant(row, "finished_at"),
                            outcome == null ? null : RunOutcome.valueOf(outcome), row.getString("error"),
                            row.getInt("coalesced_slots")), row.getString("instance")));
                }
            }
            return List.copyOf(runs);
        } catch (SQLException e) {
            throw failure("listing the runs (" + query + ")", e);
        }
    }

    @Override
    public int abandonStale(Instant now) {
        try {
            int abandoned = db.inLeaderTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE job_runs SET outcome = 'ABANDONED', finished_at = ?, error = ? WHERE outcome IS NULL")) {
                    Columns.setInstant(update, 1, now);
                    update.setString(2, db.shared()
                            // in team mode the leader may be alive: it lost its lock (a cut, a database restart)
                            ? "The leader running this run stopped or lost its connection to the database (crash, kill,"
                              + " network cut or database restart) before recording its end; a scan is stored whole"
                              + " or not at all, and the next leader runs the next slot"
                            : "Driftdeck stopped (crash or kill) while this run was in progress");
                    return update.executeUpdate();
                }
            });
            if (abandoned > 0) {
                log.warn("Marked {} run(s) left RUNNING by a previous Driftdeck as ABANDONED", abandoned);
            }
            return abandoned;
        } catch (SQLException e) {
            throw failure("marking stale runs ABANDONED", e);
        }
    }

    /**
     * Retention: deletes finished runs started before {@code olderThan} and any beyond the newest
     * {@code maxCountPerJob} of their job. Unfinished runs are never deleted.
     *
     * @return how many runs were deleted
     */
    public int prune(Instant olderThan, int maxCountPerJob) {
        try {
            int deleted = db.inLeaderTransaction(connection -> {
                try (PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM job_runs WHERE id IN (
                            SELECT id FROM (SELECT id, started_at, outcome,
                                                   ROW_NUMBER() OVER (PARTITION BY job ORDER BY started_at DESC, id DESC)
                                                       AS newest
                                            FROM job_runs) AS ranked
                            WHERE outcome IS NOT NULL AND (started_at < ? OR newest > ?))""")) {
                    Columns.setInstant(delete, 1, olderThan);
                    delete.setInt(2, maxCountPerJob);
                    return delete.executeUpdate();
                }
            });
            if (deleted > 0) {
                log.info("Pruned {} job run(s) older than {} or beyond the newest {} per job", deleted, olderThan,
                        maxCountPerJob);
            }
            return deleted;
        } catch (SQLException e) {
            throw failure("pruning the run history", e);
        }
    }

    @Override
    public JobCounters counters(String job, String instance, Instant since) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT COUNT(outcome) AS runs,
                            COALESCE(SUM(CASE WHEN outcome IN ('FAILED', 'TIMED_OUT') THEN 1 ELSE 0 END), 0) AS failures,
                            COALESCE(SUM(coalesced_slots), 0) AS coalesced
                     FROM job_runs WHERE job = ? AND instance = ? AND started_at >= ?""")) {
            select.setString(1, job);
            select.setString(2, instance);
            Columns.setInstant(select, 3, since);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new JobCounters(row.getLong("runs"), row.getLong("failures"), 0, row.getLong("coalesced"), 0);
            }
        } catch (SQLException e) {
            throw failure("counting the runs of " + job + " by " + instance + " since " + since, e);
        }
    }

    @Override
    public Optional<JobSchedule> loadSchedule(String job) {
        try (Connection connection = db.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT next_due_at, paused, schedule_spec FROM job_settings WHERE job = ?")) {
            select.setString(1, job);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new JobSchedule(Columns.getInstant(row, "next_due_at"), row.getBoolean("paused"),
                                row.getString("schedule_spec")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("reading the schedule of " + job, e);
        }
    }

    @Override
    public void saveSchedule(String job, JobSchedule schedule) {
        try {
            db.inLeaderTransaction(connection -> {
                try (PreparedStatement merge = connection.prepareStatement(db.dialect().upsert(
                        "job_settings", "job", "job", "paused", "next_due_at", "schedule_spec"))) {
                    merge.setString(1, job);
                    merge.setBoolean(2, schedule.paused());
                    Columns.setInstant(merge, 3, schedule.nextDueAt());
                    merge.setString(4, schedule.scheduleSpec());
                    return merge.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure("saving the schedule of " + job, e);
        }
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException(what + " in " + db.location() + " failed: " + e.getMessage(), e);
    }
}
