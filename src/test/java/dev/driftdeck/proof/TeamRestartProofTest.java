package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted ({@code pg_ctl restart -m fast}) under two running {@code serve} processes mid-scan: both
 * reconnect by themselves (log lines naming the database), one leads again with the next epoch, the interrupted
 * run ends ABANDONED (or FAILED/CANCELLED) with its reason instead of staying RUNNING, a scan is stored after the
 * restart, and no scan is lost, duplicated or half-written. On a server of its own: restarting the shared one would
 * pull it from under the JVM's other tests.
 */
class TeamRestartProofTest {


    @TempDir
    Path dir;

    @Test
    void everyServeReconnectsAfterARestartAndTheInterruptedRunIsClosedWithItsReason() throws Exception {
        MotoServer moto = MotoServer.shared();
        PostgresServer server = PostgresServer.startPrivate();
        DatabaseLocation.Postgres location = server.createDatabase();
        List<ChildJvm> serves = new ArrayList<>();
        try {
            ServeProcesses.start(2, location, moto.endpoint(), dir, serves);
            try (Database db = Database.open(location)) {
                JdbcRunStore runs = new JdbcRunStore(db);
                // The first slot is one interval after the start, and a scan of every type against moto is slow
                // on a loaded machine.
                await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !ServeProcesses.storedScans(runs).isEmpty());
                JobRun interrupted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> runs.recentRuns("drift-scan", 1).stream().filter(r -> r.outcome() == null)
                                .findFirst().orElse(null), run -> run != null);
                LeaderStatus before = LeaderLock.status(db);

                Instant restarted = Instant.now();
                server.restart();
                long restartedAt = System.nanoTime();

                // Each borrow is a new session: the test's own Database works again without reopening.
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> {
                            LeaderStatus now = LeaderLock.status(db);
                            return now.held() && now.epoch() > before.epoch();
                        });
                System.out.printf("PostgreSQL restarted; %s leads again (term %d) after %d ms%n",
                        LeaderLock.status(db).holder(), LeaderLock.status(db).epoch(),
                        (System.nanoTime() - restartedAt) / 1_000_000);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> outcome(runs, interrupted.id()) != null);
                JobRun closed = run(runs, interrupted.id());
                if (!ServeProcesses.STORED.contains(closed.outcome())) {
                    assertThat(closed.outcome()).as("the interrupted run")
                            .isIn(RunOutcome.ABANDONED, RunOutcome.FAILED, RunOutcome.CANCELLED);
                    assertThat(closed.error()).as("why it ended").isNotBlank();
                    System.out.printf("The interrupted run %d ended %s: %s%n", closed.id(), closed.outcome(),
                            closed.error());
                }
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                        .until(() -> ServeProcesses.storedScans(runs).stream().anyMatch(run -> run.startedAt().isAfter(restarted)));

                assertThat(runs.runs(new RunQuery("drift-scan", null, 500))).as("no run of a dead term left RUNNING")
                        .filteredOn(run -> run.outcome() == null && run.startedAt().isBefore(restarted))
                        .isEmpty();
                assertThat(new ScanRepository(db).recent(500)).as("one stored scan per stored run: none lost, none twice")
                        .hasSize(ServeProcesses.storedScans(runs).size());
                CrashRecoveryTest.assertNothingHalfWritten(db);
            }
            for (ChildJvm serve : serves) {
                assertThat(serve.alive()).as("a restart of the database does not end serve").isTrue();
                assertThat(serve.seen()).as("a log line naming the database it lost, then reconnected to")
                        .anySatisfy(line -> assertThat(line).contains(location.toString()).containsAnyOf(
                                "lost the leader's lock connection to", "Could not contend for the leadership of",
                                "Stepping down from"));
                serve.terminate();
                assertThat(serve.waitForExit(Duration.ofSeconds(30))).as("SIGTERM ends serve").isEqualTo(143);
            }
        } catch (AssertionError | RuntimeException e) {
            for (ChildJvm serve : serves) {
                System.out.println("serve " + serve.pid() + " printed:\n" + String.join("\n", serve.seen()));
            }
            throw e;
        } finally {
            for (ChildJvm serve : serves) {
                serve.close();
            }
        }
    }

    private static JobRun run(JdbcRunStore runs, long id) {
        return runs.runs(new RunQuery("drift-scan", null, 500)).stream().filter(r -> r.id() == id)
                .findFirst().orElseThrow();
    }

    private static RunOutcome outcome(JdbcRunStore runs, long id) {
        return run(runs, id).outcome();
    }
}
