package dev.driftdeck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.attribution.AttributionTarget;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Since when a drift is looked up, from what the newest stored scan said about the resource. */
class ChangeAttributionWindowTest {

    private static final Instant EARLIER = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant PREVIOUS = Instant.parse("2026-12-06T09:45:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final Finding CHANGED = new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-1",
            "aws_security_group.web", "123456789012", "us-east-1", "app.tfstate", List.of(), null);
    private static final ResourceKey KEY = CHANGED.key();

    @Test
    void withoutStoredHistoryBothEndsAreUnknown() {
        assertThat(ChangeAttribution.target(CHANGED, "123456789012", Map.of(), NOW))
                .isEqualTo(new AttributionTarget("aws_security_group", "sg-1", "123456789012", "us-east-1", null, null));
    }

    @Test
    void inSyncLastTimeMeansItChangedSinceThatScan() {
        Map<ResourceKey, PriorFinding> history = Map.of(KEY,
                new PriorFinding(FindingStatus.IN_SYNC, PREVIOUS, null, null));

        AttributionTarget target = ChangeAttribution.target(CHANGED, "123456789012", history, NOW);

        assertThat(target.lastInSync()).isEqualTo(PREVIOUS);
        assertThat(target.driftedSince()).isEqualTo(NOW);
    }

    @Test
    void theSameDriftKeepsItsStartAndTheScanBeforeIt() {
        Map<ResourceKey, PriorFinding> history = Map.of(KEY,
                new PriorFinding(FindingStatus.CHANGED, PREVIOUS, PREVIOUS, EARLIER));

        AttributionTarget target = ChangeAttribution.target(CHANGED, "123456789012", history, NOW);

        assertThat(target.lastInSync()).isEqualTo(EARLIER);
        assertThat(target.driftedSince()).isEqualTo(PREVIOUS);
    }

    @Test
    void aResourceTheHistoryLacksIsNewDriftOfUnknownStart() {
        Map<ResourceKey, PriorFinding> history = Map.of(new ResourceKey("aws_instance", "i-1"),
                new PriorFinding(FindingStatus.IN_SYNC, PREVIOUS, null, null));

        AttributionTarget target = ChangeAttribution.target(CHANGED, "123456789012", history, NOW);

        assertThat(target.lastInSync()).isNull();
        assertThat(target.driftedSince()).isEqualTo(NOW);
    }
}
