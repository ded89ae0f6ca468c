package dev.driftdeck.store;

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

/** Scan reports for store tests, with every status, diff kind and nullable field exercised. */
final class Reports {

    static final Instant STARTED = Instant.parse("2026-11-28T10:35:00.123456Z");

    private Reports() {
    }

    static ScanReport everyStatus(Instant startedAt) {
        List<Finding> findings = List.of(
                new Finding(FindingStatus.IN_SYNC, "aws_s3_bucket", "logs", "aws_s3_bucket.logs", "123456789012",
                        "us-east-1", "tfstate+s3://tf/prod.tfstate", List.of(), null, List.of("tags", "policy")),
                new Finding(FindingStatus.CHANGED, "aws_instance", "i-0abc", "module.app.aws_instance.web[0]",
                        "123456789012", "eu-west-1", "states/app.tfstate", List.of(
                        new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\"", DiffKind.CHANGED),
                        new AttributeDiff(List.of("tags", "Owner"), null, "\"bob\"", DiffKind.ADDED),
                        new AttributeDiff(List.of("ingress", "0", "cidr_blocks"), "[\"10.0.0.0/8\"]", null,
                                DiffKind.REMOVED)), null),
                new Finding(FindingStatus.MISSING, "aws_sqs_queue", "orders", "aws_sqs_queue.q[\"orders\"]",
                        "123456789012", "eu-west-1", "states/app.tfstate", List.of(), null),
                new Finding(FindingStatus.UNMANAGED, "aws_iam_role", "hand-made", null, "123456789012", "global",
                        null, List.of(), null),
                new Finding(FindingStatus.IGNORED, "aws_iam_role", "ci", null, "123456789012", "global", null,
                        List.of(), "aws_iam_role.ci*"),
                new Finding(FindingStatus.NOT_CHECKED, "aws_ebs_volume", "vol-1", "aws_ebs_volume.data", null, null,
                        "states/app.tfstate", List.of(), "access denied (ec2:DescribeVolumes)"));
        return new ScanReport(startedAt, startedAt.plusMillis(12_345),
                List.of(new SourceSummary("states/app.tfstate", 42L, "3f1c-lineage", 4, null),
                        new SourceSummary("s3://tf/broken.tfstate", null, null, 0, "access denied (s3:GetObject)")),
                findings,
                List.of(new Alert("aws_ebs_volume", "123456789012", "eu-west-1",
                                "Access denied listing EBS volumes. Grant ec2:DescribeVolumes.", "ec2:DescribeVolumes"),
                        new Alert(null, null, null, "State s3://tf/broken.tfstate unreadable", null)),
                Map.of("ec2", 14L, "s3", 9L, "iam", 3L),
                List.of("123456789012", "210987654321"),
                List.of("eu-west-1", "us-east-1"));
    }

    /** {@code findings} instances, every one IN_SYNC (no diffs). */
    static ScanReport inSync(Instant startedAt, int findings) {
        return instances(startedAt, findings, 0);
    }

    /**
     * {@code findings} instances where every tenth ({@code i-0}, {@code i-10}...) is CHANGED with one tag diff and
     * the others are IN_SYNC: volume with some drift and diff rows.
     */
    static ScanReport everyTenthChanged(Instant startedAt, int findings) {
        return instances(startedAt, findings, 10);
    }

    /** Instances {@code i-0..}; with {@code changedEvery} > 0, each index divisible by it is CHANGED. */
    private static ScanReport instances(Instant startedAt, int findings, int changedEvery) {
        List<Finding> list = new ArrayList<>(findings);
        for (int i = 0; i < findings; i++) {
            boolean changed = changedEvery > 0 && i % changedEvery == 0;
            list.add(new Finding(changed ? FindingStatus.CHANGED : FindingStatus.IN_SYNC, "aws_instance",
                    "i-" + i, "aws_instance.n[" + i + "]", "123456789012", "eu-west-1", "states/big.tfstate",
                    changed ? List.of(new AttributeDiff(List.of("tags", "n"), "\"a\"", "\"b\"", DiffKind.CHANGED))
                            : List.of(), null));
        }
        return new ScanReport(startedAt, startedAt.plusSeconds(1), List.of(), list, List.of(), Map.of(),
                List.of("123456789012"), List.of("eu-west-1"));
    }
}
