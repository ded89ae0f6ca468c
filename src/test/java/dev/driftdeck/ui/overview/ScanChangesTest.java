package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.ScanHistories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanChangesTest {

    @Test
    void newAndResolvedAreMatchedByTypeIdAndStatus() {
        ScanChanges changes = ScanChanges.between(SampleScans.small(), ScanHistories.second());

        assertThat(changes.hasPrevious()).isTrue();
        assertThat(changes.newDrift()).extracting(Finding::id).containsExactlyInAnyOrder("vpc-0a1b2c", "scratch-bucket");
        assertThat(changes.resolved()).extracting(Finding::id).containsExactlyInAnyOrder("i-0abc123", "sg-0ff1ce");
        assertThat(changes.resolved()).extracting(Finding::status).containsOnly(FindingStatus.CHANGED, FindingStatus.UNMANAGED);
    }

    @Test
    void theSameScanTwiceHasNothingNewOrResolved() {
        ScanChanges changes = ScanChanges.between(SampleScans.small(), ScanHistories.later(15, f -> f));

        assertThat(changes.newDrift()).isEmpty();
        assertThat(changes.resolved()).isEmpty();
    }

    @Test
    void anotherDriftStatusIsNewButNotResolvedAndNotCheckedIsNeither() {
        ScanReport next = ScanHistories.later(15, f -> switch (f.id()) {
            case "orders-db" -> ScanHistories.withStatus(f, FindingStatus.MISSING);
            case "orders" -> ScanHistories.withStatus(f, FindingStatus.NOT_CHECKED);
            case "legacy-admin" -> ScanHistories.withStatus(f, FindingStatus.IGNORED);
            default -> f;
        });

        ScanChanges changes = ScanChanges.between(SampleScans.small(), next);

        assertThat(changes.newDrift()).extracting(f -> f.id() + " " + f.status()).containsExactly("orders-db MISSING");
        assertThat(changes.resolved()).extracting(Finding::id).containsExactly("legacy-admin");
    }

    @Test
    void theFirstScanHasEveryDriftNewAndNothingResolved() {
        ScanChanges changes = ScanChanges.between(null, SampleScans.small());

        assertThat(changes.hasPrevious()).isFalse();
        assertThat(changes.newDrift()).hasSize(5);
        assertThat(changes.resolved()).isEmpty();
    }
}
