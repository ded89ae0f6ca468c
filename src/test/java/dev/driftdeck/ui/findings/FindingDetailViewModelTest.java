package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingDetailViewModelTest {

    private final FindingDetailViewModel model = new FindingDetailViewModel();

    private static Finding find(String id) {
        return SampleScans.small().findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showsIdentityAndDiffsOfAChangedFinding() {
        model.findingProperty().set(find("i-0abc123"));

        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(model.titleProperty().get()).isEqualTo("module.app.aws_instance.web[0]");
        assertThat(model.idProperty().get()).isEqualTo("i-0abc123");
        assertThat(model.locationProperty().get()).isEqualTo("123456789012 / eu-west-1");
        assertThat(model.sourceProperty().get()).isEqualTo(SampleScans.SOURCE);
        assertThat(model.diffSummaryProperty().get()).isEqualTo("2 attributes differ");
        assertThat(model.diffs()).extracting(d -> d.dottedPath()).containsExactly("instance_type", "tags.Owner");
    }

    @Test
    void sensitiveValuesStayMaskedAndAbsentValuesShowADash() {
        Finding db = find("orders-db");
        model.findingProperty().set(db);

        assertThat(model.diffs().getFirst().expected()).isEqualTo("(sensitive)");
        assertThat(FindingDetailViewModel.valueText(model.diffs().getFirst().actual())).isEqualTo("(sensitive)");
        assertThat(FindingDetailViewModel.valueText(model.diffs().get(1).actual())).isEqualTo("—");
    }

    @Test
    void unmanagedFindingHasNoAddressAndSaysWhy() {
        model.findingProperty().set(find("sg-0ff1ce"));

        assertThat(model.titleProperty().get()).isEqualTo("aws_security_group sg-0ff1ce");
        assertThat(model.addressProperty().get()).isEqualTo("—");
        assertThat(model.diffSummaryProperty().get()).isEqualTo("Exists in AWS, in no Terraform state");
        assertThat(model.diffs()).isEmpty();
    }

    @Test
    void saysWhichComparedAttributesTheStateHadNoValueFor() {
        Finding olderProvider = new Finding(dev.driftdeck.drift.FindingStatus.IN_SYNC, "aws_instance", "i-0old",
                "aws_instance.old", "123456789012", "eu-west-1", SampleScans.SOURCE, java.util.List.of(), null,
                java.util.List.of("tags", "ebs_optimized"));

        model.findingProperty().set(olderProvider);

        assertThat(model.diffSummaryProperty().get()).isEqualTo("Compared attributes match the state");
        assertThat(model.notComparedProperty().get())
                .isEqualTo("Not compared: the state has no value for tags, ebs_optimized (older provider?)");

        model.findingProperty().set(find("i-0abc123"));
        assertThat(model.notComparedProperty().get()).as("everything was compared").isEmpty();
    }

    @Test
    void clearingTheSelectionEmptiesThePane() {
        model.findingProperty().set(find("vol-0123"));
        assertThat(model.noteProperty().get()).contains("ec2:DescribeVolumes");

        model.findingProperty().set(null);

        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.noteProperty().get()).isEmpty();
        assertThat(model.diffs()).isEmpty();
    }
}
