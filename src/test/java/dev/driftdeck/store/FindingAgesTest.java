package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** "First seen" and "drifted since" across real saves in a real H2 file. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FindingAgesTest {

    static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant T2 = T1.plusSeconds(900);
    static final Instant T3 = T2.plusSeconds(900);
    static final Instant T4 = T3.plusSeconds(900);

    @RegisterExtension
    final MigratedDatabase database;
    Database db;
    ScanRepository scans;

    FindingAgesTest(TestDatabase kind) {
        database = new MigratedDatabase(kind);
    }

    @BeforeEach
    void openRepository() {
        db = database.db();
        scans = new ScanRepository(db);
    }

    @Test
    void agesCarryForwardWhileTheStatusHoldsAndRestartWhenItChanges() {
        scans.save(scan(T1, f("web", FindingStatus.IN_SYNC), f("db", FindingStatus.CHANGED), f("q", FindingStatus.MISSING)));
        scans.save(scan(T2, f("web", FindingStatus.CHANGED), f("db", FindingStatus.CHANGED), f("q", FindingStatus.MISSING),
                f("new", FindingStatus.UNMANAGED)));
        scans.save(scan(T3, f("web", FindingStatus.NOT_CHECKED), f("db", FindingStatus.IN_SYNC), f("q", FindingStatus.UNMANAGED),
                f("new", FindingStatus.UNMANAGED)));
        long last = scans.save(scan(T4, f("web", FindingStatus.CHANGED), f("db", FindingStatus.CHANGED),
                f("new", FindingStatus.UNMANAGED)));

        Map<ResourceKey, FindingAge> ages = scans.findingAges(last);

        assertThat(ages).containsOnlyKeys(key("web"), key("db"), key("new"));
        assertThat(ages.get(key("web"))).as("a failed listing in between keeps the drift start")
                .isEqualTo(new FindingAge(T1, T2));
        assertThat(ages.get(key("db"))).as("back in sync, then changed again: a new drift")
                .isEqualTo(new FindingAge(T1, T4));
        assertThat(ages.get(key("new"))).isEqualTo(new FindingAge(T2, T2));
    }

    @Test
    void pruningOlderScansKeepsTheAges() {
        scans.save(scan(T1, f("db", FindingStatus.CHANGED)));
        scans.save(scan(T2, f("db", FindingStatus.CHANGED)));
        scans.prune(T2, 1);
        long last = scans.save(scan(T3, f("db", FindingStatus.CHANGED)));

        assertThat(scans.findingAges(last)).containsEntry(key("db"), new FindingAge(T1, T1));
    }

    @Test
    void scansStoredBeforeTheAgesExistedFallBackToTheirStartTime() throws Exception {
        long old = scans.save(scan(T1, f("db", FindingStatus.CHANGED), f("web", FindingStatus.IN_SYNC)));
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE findings SET first_seen = NULL, drifted_since = NULL");
        }
        long next = scans.save(scan(T2, f("db", FindingStatus.CHANGED), f("web", FindingStatus.IN_SYNC)));

        assertThat(scans.findingAges(old)).containsEntry(key("db"), new FindingAge(T1, T1))
                .containsEntry(key("web"), new FindingAge(T1, null));
        assertThat(scans.findingAges(next)).containsEntry(key("db"), new FindingAge(T1, T1));
        assertThat(scans.findingAges(9_999)).isEmpty();
    }

    /** Correctness at volume; how long it takes is {@code PersistBench}'s business (docs/BENCHMARKS.md). */
    @Test
    void hundredThousandAgesCarryForwardFromThePreviousHundredThousand() {
        scans.save(Reports.everyTenthChanged(T1, 100_000));
        long id = scans.save(Reports.everyTenthChanged(T2, 100_000));

        Map<ResourceKey, FindingAge> ages = scans.findingAges(id);

        assertThat(ages).hasSize(100_000);
        for (int i = 0; i < 100_000; i++) {
            FindingAge expected = new FindingAge(T1, i % 10 == 0 ? T1 : null);
            assertThat(ages.get(key("i-" + i))).as("i-%d", i).isEqualTo(expected);
        }
    }

    private static ResourceKey key(String id) {
        return new ResourceKey("aws_instance", id);
    }

    private static Finding f(String id, FindingStatus status) {
        return new Finding(status, "aws_instance", id, status == FindingStatus.UNMANAGED ? null : "aws_instance." + id,
                "123456789012", "eu-west-1", null, List.of(), null);
    }

    private static ScanReport scan(Instant started, Finding... findings) {
        return new ScanReport(started, started.plusSeconds(5), List.of(), List.of(findings), List.of(), Map.of(),
                List.of("123456789012"), List.of("eu-west-1"));
    }
}
