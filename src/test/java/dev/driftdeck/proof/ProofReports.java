package dev.driftdeck.proof;

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

/** Deterministic scan reports: the crash child saves them, the test rebuilds the same ones to compare. */
final class ProofReports {

    static final Instant BASE = Instant.parse("2026-11-28T10:00:00.123456Z");

    private ProofReports() {
    }

    /** Scan number {@code k} of a series: {@code findings} findings, one in ten CHANGED with two diffs. */
    static ScanReport scan(int k, int findings) {
        Instant started = BASE.plusSeconds(60L * k);
        List<Finding> list = new ArrayList<>(findings);
        FindingStatus[] statuses = FindingStatus.values();
        for (int i = 0; i < findings; i++) {
            boolean changed = i % 10 == 0;
            FindingStatus status = changed ? FindingStatus.CHANGED : statuses[i % statuses.length] == FindingStatus.CHANGED
                    ? FindingStatus.IN_SYNC : statuses[i % statuses.length];
            list.add(new Finding(status, "aws_instance", "i-" + k + "-" + i,
                    status == FindingStatus.UNMANAGED ? null : "module.app.aws_instance.web[" + i + "]",
                    "123456789012", "eu-west-1", status == FindingStatus.UNMANAGED ? null : "states/scan-" + k + ".tfstate",
                    changed ? List.of(
                            new AttributeDiff(List.of("tags", "Owner"), "\"alice\"", "\"bob-" + k + "\"", DiffKind.CHANGED),
                            new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", null, DiffKind.REMOVED))
                            : List.of(),
                    status == FindingStatus.NOT_CHECKED ? "listing failed in 123456789012/eu-west-1" : null));
        }
        return new ScanReport(started, started.plusSeconds(12),
                List.of(new SourceSummary("states/scan-" + k + ".tfstate", (long) k, "lineage-" + k, findings, null)),
                list,
                List.of(new Alert("aws_ebs_volume", "123456789012", "eu-west-1", "scan " + k + " alert", "ec2:DescribeVolumes")),
                Map.of("ec2", 10L + k, "iam", 3L),
                List.of("123456789012"), List.of("eu-west-1"));
    }
}
