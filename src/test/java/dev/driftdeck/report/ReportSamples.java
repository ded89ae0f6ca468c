package dev.driftdeck.report;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reports for the writers' tests: every status, a sensitive diff, and values that need escaping. */
final class ReportSamples {

    static final Instant START = Instant.parse("2026-11-28T10:35:00Z");
    static final String ACCOUNT = "123456789012";
    static final String SOURCE = "states/prod.tfstate";

    private ReportSamples() {
    }

    static ScanReport mixed() {
        return new ScanReport(START, START.plusSeconds(12),
                List.of(new SourceSummary(SOURCE, 7L, "abc", 6, null)),
                List.of(
                        managed(FindingStatus.CHANGED, "aws_instance", "i-0web", "module.app.aws_instance.web[0]", List.of(
                                new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\"", DiffKind.CHANGED),
                                new AttributeDiff(List.of("tags", "Owner"), null, "\"<b>alice</b>\"", DiffKind.ADDED))),
                        managed(FindingStatus.CHANGED, "aws_db_instance", "orders-db", "aws_db_instance.orders", List.of(
                                new AttributeDiff(List.of("password"), "\"(sensitive)\"", "\"(sensitive)\"", DiffKind.CHANGED))),
                        managed(FindingStatus.MISSING, "aws_sqs_queue", "orders", "aws_sqs_queue.q[\"orders\"]", List.of()),
                        managed(FindingStatus.IN_SYNC, "aws_instance", "i-0api", "aws_instance.api", List.of()),
                        managed(FindingStatus.IN_SYNC, "aws_s3_bucket", "tf-states", "aws_s3_bucket.states", List.of()),
                        new Finding(FindingStatus.UNMANAGED, "aws_security_group", "sg-<script>alert(1)</script>", null,
                                ACCOUNT, "eu-west-1", null, List.of(), null),
                        new Finding(FindingStatus.UNMANAGED, "aws_instance", "i-0stray", null, ACCOUNT, "eu-west-1", null,
                                List.of(), null),
                        new Finding(FindingStatus.IGNORED, "aws_kms_alias", "alias/aws/ebs", null, ACCOUNT, "eu-west-1", null,
                                List.of(), "ignored by rule aws_kms_alias.alias/aws/*"),
                        new Finding(FindingStatus.NOT_CHECKED, "aws_ebs_volume", "vol-1", "aws_ebs_volume.data", ACCOUNT,
                                "eu-west-1", SOURCE, List.of(), "access denied (ec2:DescribeVolumes)")),
                List.of(new Alert("aws_ebs_volume", ACCOUNT, "eu-west-1", "Access denied listing EBS volumes & snapshots",
                        "ec2:DescribeVolumes")),
                Map.of("ec2", 14L), List.of(ACCOUNT), List.of("eu-west-1"));
    }

    static ScanReport empty() {
        return new ScanReport(START, START.plusSeconds(1), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
    }

    private static Finding managed(FindingStatus status, String type, String id, String address, List<AttributeDiff> diffs) {
        return new Finding(status, type, id, address, ACCOUNT, "eu-west-1", SOURCE, diffs, null);
    }
}
