package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.testing.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * pgbouncer in transaction pooling breaks session advisory locks: the leader refuses to lead through it. pgbouncer is
 * not installed on this machine kind, so the decision is tested on the facts a pooled connection shows (the lock held
 * by a backend other than the one the next statements ran on, or by none), and a direct connection to the real
 * PostgreSQL is shown to pass the same check.
 */
class SessionCheckTest {

    private static final DatabaseLocation.Postgres BOUNCER =
            new DatabaseLocation.Postgres("pgbouncer.internal:6432", "drift", Map.of("user", "ops"));

    @Test
    void oneBackendThroughoutIsOneSession() {
        assertThat(SessionCheck.refusal(BOUNCER, 4711L, 4711, 4711)).isEmpty();
    }

    @Test
    void aLockHeldByAnotherBackendThanTheNextStatementsIsRefusedNamingTheUrlAndTheFix() {
        assertThat(SessionCheck.refusal(BOUNCER, 4711L, 4712, 4711)).hasValueSatisfying(refusal -> assertThat(refusal)
                .startsWith("Refusing to lead postgresql://pgbouncer.internal:6432/drift")
                .contains("held by backend 4711 while its next statements ran on backends 4712 and 4711")
                .contains("pgbouncer in transaction or statement pooling mode")
                .contains("at PostgreSQL directly, or at a pgbouncer pool with pool_mode = session"));
        assertThat(SessionCheck.refusal(BOUNCER, 4711L, 4711, 4712)).isPresent();
    }

    @Test
    void aLockNoBackendHoldsIsRefused() {
        assertThat(SessionCheck.refusal(BOUNCER, null, 4711, 4711)).hasValueSatisfying(refusal -> assertThat(refusal)
                .contains("held by no backend in pg_locks"));
    }

    @Test
    void aDirectConnectionToPostgresqlLeads() {
        try (Database db = Database.open(PostgresServer.shared().createDatabase())) {
            Migrations.migrateAndVerify(db);
            try (LeaderLock lock = new LeaderLock(db, "alice@a:1")) {
                assertThat(lock.tryAcquire()).as("the session check passes on a direct connection").isPresent();
            }
        }
    }
}
