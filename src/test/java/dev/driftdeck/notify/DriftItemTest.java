package dev.driftdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.Via;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message names who changed the resource when CloudTrail named someone, and nobody otherwise. */
class DriftItemTest {

    @Test
    void theNewestWriterFromCloudTrailIsNamedWithHowTheyChangedIt() {
        ChangeEvent older = new ChangeEvent("e-1", "arn:aws:iam::123456789012:user/bob", "bob",
                "CreateTags", Instant.parse("2026-12-06T08:00:00Z"), "203.0.113.8", "aws-cli/2.15", Via.CLI);
        ChangeEvent newest = new ChangeEvent("e-2", "arn:aws:iam::123456789012:user/alice", "alice",
                "AuthorizeSecurityGroupIngress", Instant.parse("2026-12-06T09:00:00Z"), "203.0.113.7",
                "console.ec2.amazonaws.com", Via.CONSOLE);

        DriftItem item = DriftItem.of(Samples.openedGroup().withChangedBy(ChangedBy.found(List.of(older, newest))));

        assertThat(item.changedBy()).isEqualTo("alice via console");
    }

    @Test
    void nobodyIsNamedWhenCloudTrailHadNoAnswerYet() {
        assertThat(DriftItem.of(Samples.openedGroup()).changedBy()).isNull();
        assertThat(DriftItem.of(Samples.openedGroup().withChangedBy(ChangedBy.of(AttributionStatus.PENDING, null)))
                .changedBy()).isNull();
    }
}
