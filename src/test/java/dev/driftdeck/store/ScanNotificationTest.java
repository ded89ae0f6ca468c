package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** A stored scan is announced on PostgreSQL's {@code driftdeck} channel at commit, and a refused one is not. */
class ScanNotificationTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aStoredScanIsAnnouncedByItsIdAndAFencedOneNot() throws Exception {
        try (Database db = Database.open(PostgresServer.shared().createDatabase())) {
            Migrations.migrateAndVerify(db);
            try (Connection listener = db.connection(); Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + ScanRepository.SCAN_CHANNEL);
                PGConnection pg = listener.unwrap(PGConnection.class);

                long id = new ScanRepository(db).save(Reports.everyStatus(T0));
                PGNotification[] first = pg.getNotifications(10_000);
                assertThat(first).extracting(PGNotification::getParameter).containsExactly(Long.toString(id));

                try (LeaderLock lock = new LeaderLock(db, "alice@a:1")) {
                    ScanRepository fenced = new ScanRepository(db.fencedBy(lock.tryAcquire().orElseThrow()));
                    lock.release();
                    assertThatThrownBy(() -> fenced.save(Reports.everyStatus(T0.plusSeconds(60))))
                            .isInstanceOf(DatabaseException.class);
                }
                PGNotification[] none = pg.getNotifications(500);
                assertThat(none == null ? new PGNotification[0] : none).as("nothing announced: %s",
                        Arrays.toString(none)).isEmpty();
            }
        }
    }
}
