package dev.driftdeck.ui;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real {@link ScanReport}s built from the shared records, for UI tests and the demo launcher. */
public final class SampleScans {

    public static final String ACCOUNT = "123456789012";
    public static final String SOURCE = "s3://tf-states/prod/network.tfstate";
    public static final Instant STARTED = Instant.parse("2026-11-28T10:35:00Z");
    public static final Instant FINISHED = Instant.parse("2026-11-28T10:35:12Z");

    private SampleScans() {
    }

    /** Ten findings across every status; two CHANGED ones carry diffs, one with a sensitive value. */
    public static ScanReport small() {
        List<Finding> findings = List.of(
                managed(FindingStatus.CHANGED, "aws_instance", "i-0abc123", "module.app.aws_instance.web[0]", "eu-west-1",
                        List.of(diff(DiffKind.CHANGED, "\"t3.micro\"", "\"t3.large\"", "instance_type"),
                                diff(DiffKind.ADDED, null, "\"alice\"", "tags", "Owner"))),
                managed(FindingStatus.CHANGED, "aws_db_instance", "orders-db", "aws_db_instance.orders", "eu-west-1",
                        List.of(diff(DiffKind.CHANGED, "(sensitive)", "(sensitive)", "password"),
                                diff(DiffKind.REMOVED, "true", null, "deletion_protection"))),
                managed(FindingStatus.MISSING, "aws_sqs_queue", "orders", "aws_sqs_queue.q[\"orders\"]", "eu-west-1", List.of()),
                managed(FindingStatus.IN_SYNC, "aws_s3_bucket", "tf-states", "aws_s3_bucket.states", "global", List.of()),
                managed(FindingStatus.IN_SYNC, "aws_iam_role", "deployer", "aws_iam_role.deployer", "global", List.of()),
                managed(FindingStatus.IN_SYNC, "aws_vpc", "vpc-0a1b2c", "module.net.aws_vpc.main", "eu-west-1", List.of()),
                unmanaged("aws_security_group", "sg-0ff1ce", "eu-west-1"),
                unmanaged("aws_iam_role", "legacy-admin", "global"),
                new Finding(FindingStatus.IGNORED, "aws_kms_alias", "alias/aws/ebs", null, ACCOUNT, "eu-west-1", null, List.of(),
                        "ignored by rule aws_kms_alias.alias/aws/*"),
                new Finding(FindingStatus.NOT_CHECKED, "aws_ebs_volume", "vol-0123", "aws_ebs_volume.data", ACCOUNT, "eu-west-1",
                        SOURCE, List.of(), "Access denied for ec2:DescribeVolumes in eu-west-1"));
        return report(findings);
    }

    /** {@code n} findings with ids {@code i-00000..}, a mix of statuses: for a screenshot of a busy table. */
    public static ScanReport many(int n) {
        List<Finding> findings = new ArrayList<>(small().findings());
        String[] types = {"aws_instance", "aws_security_group_rule", "aws_route53_record", "aws_iam_role_policy_attachment", "aws_subnet"};
        for (int i = 0; i < n; i++) {
            String type = types[i % types.length];
            FindingStatus status = i % 9 == 0 ? FindingStatus.UNMANAGED : i % 13 == 0 ? FindingStatus.CHANGED : FindingStatus.IN_SYNC;
            String id = String.format("res-%05d", i);
            findings.add(status == FindingStatus.UNMANAGED
                    ? unmanaged(type, id, "us-east-1")
                    : managed(status, type, id, "module.svc" + (i % 7) + "." + type + ".this[" + i + "]", "us-east-1",
                    status == FindingStatus.CHANGED ? List.of(diff(DiffKind.CHANGED, "\"a\"", "\"b\"", "tags", "Env")) : List.of()));
        }
        return report(findings);
    }

    public static ScanReport report(List<Finding> findings) {
        return new ScanReport(STARTED, FINISHED,
                List.of(new SourceSummary(SOURCE, 42L, "f0e1d2c3", findings.size(), null)),
                findings,
                List.of(new Alert("aws_ebs_volume", ACCOUNT, "eu-west-1",
                        "Access denied for ec2:DescribeVolumes in eu-west-1", "ec2:DescribeVolumes")),
                Map.of("ec2", 14L, "s3", 9L), List.of(ACCOUNT), List.of("eu-west-1", "us-east-1"));
    }

    static Finding managed(FindingStatus status, String type, String id, String address, String region, List<AttributeDiff> diffs) {
        return new Finding(status, type, id, address, ACCOUNT, region, SOURCE, diffs, null);
    }

    static Finding unmanaged(String type, String id, String region) {
        return new Finding(FindingStatus.UNMANAGED, type, id, null, ACCOUNT, region, null, List.of(), null);
    }

    static AttributeDiff diff(DiffKind kind, String expected, String actual, String... path) {
        return new AttributeDiff(List.of(path), expected, actual, kind);
    }
}
