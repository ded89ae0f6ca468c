package dev.driftdeck.ui;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Scans that follow each other, built from {@link SampleScans#small()} with a few findings changed. */
public final class ScanHistories {

    private ScanHistories() {
    }

    /** {@link SampleScans#small()}, started {@code minutesLater} after it, with each finding passed through {@code edit}. */
    public static ScanReport later(int minutesLater, UnaryOperator<Finding> edit) {
        ScanReport base = SampleScans.small();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : base.findings()) {
            Finding edited = edit.apply(f);
            if (edited != null) {
                findings.add(edited);
            }
        }
        Duration shift = Duration.ofMinutes(minutesLater);
        return new ScanReport(base.startedAt().plus(shift), base.finishedAt().plus(shift), base.sources(), findings,
                base.alerts(), base.apiCalls(), base.accounts(), base.regions());
    }

    /** A copy of {@code f} with another status (diffs kept only for CHANGED). */
    public static Finding withStatus(Finding f, FindingStatus status) {
        return new Finding(status, f.type(), f.id(), f.address(), f.account(), f.region(), f.source(),
                status == FindingStatus.CHANGED ? f.diffs() : List.of(), f.note());
    }

    /**
     * The second scan of the usual story: web[0] is back in sync, the vpc drifted, the stray security group is gone
     * and a new unmanaged bucket appeared.
     */
    public static ScanReport second() {
        List<Finding> findings = new ArrayList<>(later(15, f -> switch (f.id()) {
            case "i-0abc123" -> withStatus(f, FindingStatus.IN_SYNC);
            case "vpc-0a1b2c" -> withStatus(f, FindingStatus.CHANGED);
            case "sg-0ff1ce" -> null;
            default -> f;
        }).findings());
        findings.add(new Finding(FindingStatus.UNMANAGED, "aws_s3_bucket", "scratch-bucket", null, SampleScans.ACCOUNT,
                "global", null, List.of(), null));
        ScanReport shape = later(15, f -> f);
        return new ScanReport(shape.startedAt(), shape.finishedAt(), shape.sources(), findings, shape.alerts(),
                shape.apiCalls(), shape.accounts(), shape.regions());
    }
}
