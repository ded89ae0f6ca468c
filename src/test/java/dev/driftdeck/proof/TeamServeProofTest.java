package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.cli.DriftdeckCommand;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.RecordedRun;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code driftdeck serve} processes on one real PostgreSQL, scanning a tiny state against moto every 10 s:
 * one leader at a time and drift scans that never overlap across instances (read back with {@code runs}); the
 * leader's lock connection cut with {@code pg_terminate_backend} mid-scan (it stores nothing, a new term scans, no
 * duplicate scan); the leader SIGKILLed mid-scan (another takes over within 15 s, the killed run is ABANDONED); a
 * follower's run-now served by the leader; the leader stopped by SIGTERM mid-scan (its run CANCELLED, nothing stored).
 */
class TeamServeProofTest {

    private static final Duration TAKE_OVER = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void threeServesOneLeaderFencedWhenCutTakenOverWhenKilled() throws Exception {
        MotoServer moto = MotoServer.shared();
        DatabaseLocation.Postgres location = PostgresServer.shared().createDatabase();
        List<ChildJvm> serves = new ArrayList<>();
        try {
            ServeProcesses.start(3, location, moto.endpoint(), dir, serves);
            try (Database db = Database.open(location)) {
                JdbcRunStore runs = new JdbcRunStore(db);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ServeProcesses.storedScans(runs).size() >= 2);

                cutTheLeadersConnectionMidScan(db, runs);
                killTheLeaderMidScan(db, runs, serves);
                aFollowersRunNowIsServedByTheLeader(db, runs, location);
                sigtermStopsTheLeaderCleanly(db, runs, serves);

                List<RecordedRun> history = runs.history(new RunQuery("drift-scan", null, 500));
                assertNoOverlap(history);
                assertThat(new ScanRepository(db).recent(500)).as("one stored scan per stored run, no duplicate")
                        .hasSize(ServeProcesses.storedScans(runs).size());
                long newest = history.getFirst().run().id();
                assertThat(runsFromTheCli(location)).as("runs --output json names the instance of every run")
                        .filteredOn(run -> run.get("id").asLong() <= newest) // the team kept scanning meanwhile
                        .hasSize(history.size())
                        .allSatisfy(run -> assertThat(run.get("instance").asText()).matches(".+:\\d+"));
            }
            for (ChildJvm serve : serves) {
                if (serve.alive()) {
                    serve.terminate();
                    assertThat(serve.waitForExit(Duration.ofSeconds(30))).as("SIGTERM ends serve").isEqualTo(143);
                }
            }
        } finally {
            for (ChildJvm serve : serves) {
                serve.close();
            }
        }
    }

    private void cutTheLeadersConnectionMidScan(Database db, JdbcRunStore runs) throws Exception {
        JobRun cut = awaitRunningScan(runs);
        LeaderStatus before = LeaderLock.status(db);
        db.inTransaction(c -> c.createStatement().executeQuery("""
                SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted
                AND objid::bigint = """ + (0x6472696674646b6bL & 0xffffffffL)));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> outcome(runs, cut.id()) != null);
        assertThat(outcome(runs, cut.id())).as("the cut leader's scan was not stored as a success")
                .isNotIn(RunOutcome.SUCCEEDED, RunOutcome.PARTIAL);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                LeaderLock.status(db).epoch() > before.epoch()
                        && ServeProcesses.storedScans(runs).stream().anyMatch(run -> run.startedAt().isAfter(cut.startedAt())));
    }

    private void killTheLeaderMidScan(Database db, JdbcRunStore runs, List<ChildJvm> serves) throws Exception {
        JobRun killed = awaitRunningScan(runs);
        LeaderStatus leader = LeaderLock.status(db);
        ChildJvm victim = leaderOf(leader, serves);
        long killedAt = System.nanoTime();
        victim.kill();

        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(100)).until(() -> {
            LeaderStatus now = LeaderLock.status(db);
            return now.held() && now.epoch() > leader.epoch();
        });
        long tookOverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("Leader %s SIGKILLed mid-scan; %s took over in %d ms%n", leader.holder(),
                LeaderLock.status(db).holder(), tookOverMillis);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> outcome(runs, killed.id()) == RunOutcome.ABANDONED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ServeProcesses.storedScans(runs).stream().anyMatch(run -> run.startedAt().isAfter(killed.startedAt())));
    }

    /** SIGTERM mid-scan (systemctl stop): the run is CANCELLED by the leader itself, nothing stored, exit 143. */
    private void sigtermStopsTheLeaderCleanly(Database db, JdbcRunStore runs, List<ChildJvm> serves) throws Exception {
        JobRun stopped = awaitRunningScan(runs);
        LeaderStatus leader = LeaderLock.status(db);
        int scansBefore = new ScanRepository(db).recent(500).size();
        ChildJvm victim = leaderOf(leader, serves);
        victim.terminate();
        assertThat(victim.waitForExit(Duration.ofSeconds(30))).as("SIGTERM ends serve").isEqualTo(143);

        RunOutcome outcome = outcome(runs, stopped.id());
        if (outcome == RunOutcome.CANCELLED) {
            assertThat(new ScanRepository(db).recent(500)).as("a cancelled scan stores nothing").hasSize(scansBefore);
        } else {
            // The scan was done before the signal landed: it is stored whole, as its run says.
            assertThat(outcome).isIn(RunOutcome.SUCCEEDED, RunOutcome.PARTIAL);
        }
        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(100)).until(() -> {
            LeaderStatus now = LeaderLock.status(db);
            return now.held() && now.epoch() > leader.epoch();
        });
    }

    private static ChildJvm leaderOf(LeaderStatus leader, List<ChildJvm> serves) {
        long pid = Long.parseLong(leader.holder().substring(leader.holder().lastIndexOf(':') + 1));
        return serves.stream().filter(s -> s.pid() == pid).findFirst().orElseThrow();
    }

    /** run-now on a follower's side: the leader answers STARTED or MERGED, names itself, and a MANUAL run follows. */
    private void aFollowersRunNowIsServedByTheLeader(Database db, JdbcRunStore runs, DatabaseLocation location) {
        JobRun running = awaitRunningScan(runs);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(new String[] {"run-now", "--db", location.toString(), "--wait", "20s"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("run-now answered: %s %s", out, err).isZero();
        String leader = LeaderLock.status(db).holder();
        assertThat(out.toString()).matches("(STARTED|MERGED) by " + java.util.regex.Pattern.quote(leader) + "\\R");
        System.out.printf("run-now during run %d: %s", running.id(), out);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                runs.runs(new RunQuery("drift-scan", null, 500)).stream().anyMatch(run ->
                        run.trigger() == dev.driftdeck.schedule.Trigger.MANUAL && run.id() > running.id()
                                || run.trigger() == dev.driftdeck.schedule.Trigger.MANUAL && run.id() == running.id()));
    }

    private static JobRun awaitRunningScan(JdbcRunStore runs) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.recentRuns("drift-scan", 1).stream().filter(r -> r.outcome() == null)
                        .findFirst().orElse(null), run -> run != null);
    }

    private static RunOutcome outcome(JdbcRunStore runs, long id) {
        return runs.runs(new RunQuery("drift-scan", null, 500)).stream().filter(r -> r.id() == id)
                .findFirst().orElseThrow().outcome();
    }

    /** Oldest first, each run over before the next began, whichever instance ran it. */
    private static void assertNoOverlap(List<RecordedRun> newestFirst) {
        List<RecordedRun> runs = new ArrayList<>(newestFirst.reversed());
        for (int i = 1; i < runs.size(); i++) {
            JobRun previous = runs.get(i - 1).run();
            JobRun next = runs.get(i).run();
            Instant previousEnd = previous.finishedAt() == null ? Instant.MAX : previous.finishedAt();
            assertThat(previousEnd).as("run %d (%s on %s) ended before run %d (on %s) began", previous.id(),
                    previous.outcome(), runs.get(i - 1).instance(), next.id(), runs.get(i).instance())
                    .isBeforeOrEqualTo(next.startedAt());
        }
    }

    private static List<JsonNode> runsFromTheCli(DatabaseLocation location) throws Exception {
        StringWriter out = new StringWriter();
        int code = DriftdeckCommand.execute(new String[] {"runs", "--db", location.toString(), "--job", "drift-scan",
                "--limit", "500", "--output", "json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        List<JsonNode> runs = new ArrayList<>();
        new ObjectMapper().readTree(out.toString()).forEach(runs::add);
        return runs;
    }
}
