package dev.driftdeck.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SupportedType;
import dev.driftdeck.ui.SampleScans;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCoverageViewModelTest {

    private static final List<SupportedType> CATALOG = List.of(
            new SupportedType("aws_instance", false, 20, 40, null),
            new SupportedType("aws_ebs_volume", false, 6, 10, null),
            new SupportedType("aws_iam_role", true, 9, 12, null),
            new SupportedType("aws_s3_bucket", true, 4, 18, null),
            new SupportedType("aws_lb", false, 10, 23, null),
            new SupportedType("aws_alb", false, 10, 23, "aws_lb"),
            new SupportedType("aws_db_instance", false, 30, 60, null),
            new SupportedType("aws_sqs_queue", false, 10, 20, null),
            new SupportedType("aws_vpc", false, 5, 12, null),
            new SupportedType("aws_security_group", false, 5, 9, null),
            new SupportedType("aws_kms_alias", false, 1, 3, null));

    private final TypeCoverageViewModel model = new TypeCoverageViewModel();

    @Test
    void beforeAnyScanEverySupportedTypeIsListedWithoutCounts() {
        model.catalogLoaded(CATALOG);

        assertThat(model.rows()).extracting(TypeCoverageRow::type)
                .startsWith("aws_instance", "aws_ebs_volume", "aws_iam_role", "aws_s3_bucket", "aws_lb", "aws_alb").hasSize(11);
        assertThat(model.rows()).allSatisfy(row -> assertThat(row.tally()).isNull());
        assertThat(model.summaryProperty().get()).startsWith("11 types supported. No scan yet");
        assertThat(model.rows().getFirst().attributes()).isEqualTo("20/40");
    }

    @Test
    void afterAScanOnlyTheTypesItMetWithTheirCountsAndWhyAnythingWasNotChecked() {
        model.catalogLoaded(CATALOG);
        model.show(TypeTally.of(withUnsupportedType(SampleScans.small())));

        assertThat(model.rows()).extracting(TypeCoverageRow::type)
                .containsExactly("aws_instance", "aws_ebs_volume", "aws_iam_role", "aws_s3_bucket", "aws_db_instance",
                        "aws_sqs_queue", "aws_vpc", "aws_security_group", "aws_kms_alias", "aws_msk_cluster");
        TypeCoverageRow role = row("aws_iam_role");
        assertThat(role.managed()).isEqualTo(1);
        assertThat(role.count(FindingStatus.UNMANAGED)).isEqualTo(1);
        assertThat(role.hasNotChecked()).isFalse();
        TypeCoverageRow volume = row("aws_ebs_volume");
        assertThat(volume.count(FindingStatus.NOT_CHECKED)).isEqualTo(1);
        assertThat(volume.why()).isEqualTo("Access denied for ec2:DescribeVolumes in eu-west-1");
        TypeCoverageRow unsupported = row("aws_msk_cluster");
        assertThat(unsupported.supported()).isFalse();
        assertThat(unsupported.count(FindingStatus.NOT_CHECKED)).isEqualTo(2);
        assertThat(unsupported.why()).contains("does not support aws_msk_cluster");
        assertThat(model.summaryProperty().get())
                .isEqualTo("11 types supported · 9 in the last scan · 2 types not checked (1 not supported)");
    }

    @Test
    void theFilterAndTheScanOnlySwitchNarrowAndWidenTheList() {
        model.catalogLoaded(CATALOG);
        model.show(TypeTally.of(SampleScans.small()));

        model.onlyInScanProperty().set(false);
        assertThat(model.rows()).extracting(TypeCoverageRow::type).contains("aws_lb", "aws_alb");
        model.filterProperty().set("  LB ");
        assertThat(model.rows()).extracting(TypeCoverageRow::type).containsExactly("aws_lb", "aws_alb");
        model.onlyInScanProperty().set(true);
        assertThat(model.rows()).isEmpty();
    }

    private TypeCoverageRow row(String type) {
        return model.rows().stream().filter(row -> row.type().equals(type)).findFirst().orElseThrow();
    }

    private static ScanReport withUnsupportedType(ScanReport report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        for (String name : List.of("events", "logs")) {
            findings.add(new Finding(FindingStatus.NOT_CHECKED, "aws_msk_cluster", name, "aws_msk_cluster." + name,
                    SampleScans.ACCOUNT, "eu-west-1", SampleScans.SOURCE, List.of(), "not supported"));
        }
        List<Alert> alerts = new ArrayList<>(report.alerts());
        alerts.add(new Alert("aws_msk_cluster", null, null,
                "2 aws_msk_cluster resource(s) in state were not checked: Driftdeck does not support aws_msk_cluster yet", null));
        return new ScanReport(report.startedAt(), report.finishedAt(), report.sources(), findings, alerts,
                report.apiCalls(), report.accounts(), report.regions());
    }
}
