package dev.driftdeck.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderTerm;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.testing.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' elections on one real PostgreSQL (each its own lock connection, real threads, a short retry):
 * one leads, the other takes over when the leader closes or loses its lock connection, and a leader that lost its
 * connection steps down and refuses the next job.
 */
class LeaderElectionTest {

    private static final Duration RETRY = Duration.ofMillis(100);

    private Database db;

    @BeforeEach
    void openDatabase() {
        db = Database.open(PostgresServer.shared().createDatabase());
        Migrations.migrateAndVerify(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void oneLeadsTheOtherTakesOverWhenItStops() {
        Instance a = new Instance("a");
        Instance b = new Instance("b");
        try (a; b) {
            a.election.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.election.term().isPresent());
            b.election.start();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> b.election.term().isEmpty());
            assertThat(b.events).isEmpty();

            a.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> b.election.term().isPresent());
            assertThat(a.events).containsExactly("elected 1", "deposed 1: this instance is shutting down");
            assertThat(b.events).containsExactly("elected 2");
            assertThat(LeaderLock.status(db).holder()).isEqualTo("b");
        }
    }

    @Test
    void aLeaderThatLostItsConnectionStepsDownRefusesTheNextJobAndSomeoneLeadsAgain() throws Exception {
        Instance a = new Instance("a");
        Instance b = new Instance("b");
        try (a; b) {
            a.election.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.election.term().isPresent());
            b.election.start();
            assertThat(a.election.confirm()).isTrue();

            db.inTransaction(c -> c.createStatement().executeQuery(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"));

            assertThat(a.election.confirm()).as("before each job: the dead lock connection is noticed").isFalse();
            await().atMost(Duration.ofSeconds(10)).until(() -> a.events.contains(
                    "deposed 1: this instance lost its lock connection to the database"));
            await().atMost(Duration.ofSeconds(10)).until(() -> LeaderLock.status(db).epoch() == 2
                    && LeaderLock.status(db).held());
            List<String> elected = new java.util.ArrayList<>(a.events);
            elected.addAll(b.events);
            assertThat(elected).as("exactly one new term").containsOnlyOnce("elected 2");
        }
    }

    /** One instance: its lock, its election on its own thread, and what its role was told. */
    private final class Instance implements AutoCloseable {
        final List<String> events = new CopyOnWriteArrayList<>();
        final LeaderElection election;
        private boolean closed;

        Instance(String name) {
            election = new LeaderElection(new LeaderLock(db, name),
                    Executors.newSingleThreadScheduledExecutor(), RETRY, new LeaderElection.Role() {
                        @Override
                        public void elected(LeaderTerm term) {
                            events.add("elected " + term.epoch());
                        }

                        @Override
                        public void deposed(LeaderTerm term, String reason) {
                            events.add("deposed " + term.epoch() + ": " + reason);
                        }
                    });
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                election.close();
            }
        }
    }
}
