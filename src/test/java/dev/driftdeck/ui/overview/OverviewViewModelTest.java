package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.ScanHistories;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewViewModelTest {

    private final Clock clock = Clock.fixed(Statuses.NOW, ZoneOffset.UTC);
    private final FakeScheduler fake = new FakeScheduler(Statuses.all());
    private final SchedulerViewModel scheduler = new SchedulerViewModel(Optional.of(fake), BackgroundTasks.sameThread(), clock);
    private final OverviewViewModel model = new OverviewViewModel(scheduler);

    @Test
    void showsNewAndResolvedSinceTheLastScan() {
        ScanReport first = SampleScans.small();
        ScanReport second = ScanHistories.second();

        model.show(OverviewFigures.of(second, first, List.of(ScanSummary.of(2, second), ScanSummary.of(1, first))));

        assertThat(model.newTextProperty().get()).isEqualTo("2");
        assertThat(model.resolvedTextProperty().get()).isEqualTo("2");
        assertThat(model.changesCaptionProperty().get()).isEqualTo("2 new drifts and 2 resolved since the previous scan.");
        assertThat(model.newDrift()).extracting(Finding::id).contains("scratch-bucket");
        assertThat(model.hasScanProperty().get()).isTrue();
    }

    @Test
    void theFirstScanHasNoResolvedFigure() {
        model.show(OverviewFigures.of(SampleScans.small(), null, List.of(ScanSummary.of(1, SampleScans.small()))));

        assertThat(model.newTextProperty().get()).isEqualTo("5");
        assertThat(model.resolvedTextProperty().get()).isEqualTo("—");
        assertThat(model.changesCaptionProperty().get()).isEqualTo("First scan: every drift is new.");
        assertThat(model.trendCaptionProperty().get()).isEqualTo("The trend appears after the second scan.");
    }

    @Test
    void trendIsTheHistoryOldestFirstWithDriftAndCoverage() {
        ScanReport first = SampleScans.small();
        ScanReport second = ScanHistories.second();
        List<ScanSummary> newestFirst = List.of(ScanSummary.of(2, second), ScanSummary.of(1, first));

        model.show(OverviewFigures.of(second, first, newestFirst));

        assertThat(model.trend()).extracting(TrendPoint::at).containsExactly(first.startedAt(), second.startedAt());
        TrendPoint last = model.trend().getLast();
        assertThat(last.changed()).isEqualTo(2);
        assertThat(last.missing()).isEqualTo(1);
        assertThat(last.unmanaged()).isEqualTo(2);
        assertThat(last.drift()).isEqualTo(5);
        assertThat(last.coveragePercent()).isEqualTo(second.coverage().percent());
        assertThat(model.trend().getFirst().coveragePercent()).isEqualTo(62);
        assertThat(model.trendCaptionProperty().get()).startsWith("2 scans since ");
    }

    @Test
    void coverageByAccountAndSourceAndAlertsWithTheirIamAction() {
        List<Finding> findings = new ArrayList<>(SampleScans.small().findings());
        findings.add(new Finding(dev.driftdeck.drift.FindingStatus.IN_SYNC, "aws_vpc", "vpc-2", "aws_vpc.other", "210987654321",
                "eu-west-1", "states/other.tfstate", List.of(), null));
        ScanReport base = SampleScans.small();
        ScanReport scan = new ScanReport(base.startedAt(), base.finishedAt(), List.of(base.sources().getFirst(),
                new SourceSummary("states/other.tfstate", 3L, "l", 1, null),
                new SourceSummary("s3://tf/broken.tfstate", null, null, 0, "access denied (s3:GetObject)")),
                findings, base.alerts(), Map.of(), base.accounts(), base.regions());

        model.show(OverviewFigures.of(scan, null, List.of()));

        assertThat(model.accounts()).extracting(CoverageRow::name, CoverageRow::figure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("123456789012", "62%"),
                        org.assertj.core.groups.Tuple.tuple("210987654321", "100%"));
        assertThat(model.accounts().getFirst().detail()).isEqualTo("5 managed · 2 unmanaged · 1 missing");
        assertThat(model.sources()).extracting(CoverageRow::name).containsExactly(SampleScans.SOURCE, "states/other.tfstate",
                "s3://tf/broken.tfstate");
        CoverageRow prod = model.sources().getFirst();
        assertThat(prod.figure()).isEqualTo("50%");
        assertThat(prod.detail()).isEqualTo("10 resources · 2 changed · 1 missing · 1 not checked");
        assertThat(prod.problem()).isTrue();
        assertThat(model.sources().getLast().detail()).isEqualTo("could not be read: access denied (s3:GetObject)");
        assertThat(model.alerts()).containsExactly(
                "aws_ebs_volume · 123456789012 · eu-west-1: Access denied for ec2:DescribeVolumes in eu-west-1 (grant ec2:DescribeVolumes)");
    }

    @Test
    void nextRunFollowsTheDriftScanJob() {
        scheduler.start();

        assertThat(model.nextRunTextProperty().get()).isEqualTo("next in 4m 10s");

        fake.publish(List.of(Statuses.scanRunning(false)));
        assertThat(model.nextRunTextProperty().get()).isEqualTo("running now");
    }

    @Test
    void beforeAnyScanTheAlertsCardClaimsNothingAboutListings() {
        assertThat(model.alertsPlaceholderProperty().get()).isEqualTo("No scan yet: nothing was listed.");

        model.show(OverviewFigures.of(SampleScans.small(), null, List.of(ScanSummary.of(1, SampleScans.small()))));

        assertThat(model.alertsPlaceholderProperty().get()).isEqualTo("No alerts: every listing succeeded.");
    }

    @Test
    void failedJobsFollowTheScheduler() {
        scheduler.start();

        assertThat(model.jobFailureProperty().get()).isEqualTo(scheduler.failureTextProperty().get())
                .startsWith("daily-refresh failed: ");
        fake.publish(List.of(Statuses.scanIdle()));
        assertThat(model.jobFailureProperty().get()).isEmpty();
    }

    @Test
    void highestRiskListsTheRisksDriftIntroducedWorstFirstAndLeavesFixedOnesOut() {
        assertThat(model.highestRisk()).isEmpty();
        assertThat(model.highestRiskPlaceholderProperty().get()).isEqualTo(OverviewViewModel.NO_RISK_BEFORE_A_SCAN);
        List<Finding> findings = new ArrayList<>(SampleScans.small().findings());
        Finding changed = findings.stream().filter(f -> f.status() == dev.driftdeck.drift.FindingStatus.CHANGED)
                .findFirst().orElseThrow();
        Finding unmanaged = findings.stream().filter(f -> f.status() == dev.driftdeck.drift.FindingStatus.UNMANAGED)
                .findFirst().orElseThrow();
        Finding missing = findings.stream().filter(f -> f.status() == dev.driftdeck.drift.FindingStatus.MISSING)
                .findFirst().orElseThrow();
        findings.replaceAll(f -> f == changed ? f.withRisks(List.of(risk("DD-SG-001", dev.driftdeck.risk.Severity.HIGH,
                        "SSH open to the world", dev.driftdeck.risk.Risk.Effect.INTRODUCED)))
                : f == unmanaged ? f.withRisks(List.of(risk("DD-IAM-002", dev.driftdeck.risk.Severity.CRITICAL,
                        "Administrator access", dev.driftdeck.risk.Risk.Effect.INTRODUCED)))
                : f == missing ? f.withRisks(List.of(risk("DD-S3-008", dev.driftdeck.risk.Severity.MEDIUM,
                        "Versioning suspended", dev.driftdeck.risk.Risk.Effect.FIXED)))
                : f);

        model.show(OverviewFigures.of(SampleScans.report(findings), null, List.of()));

        assertThat(model.highestRisk()).containsExactly(
                "Critical · DD-IAM-002 · " + unmanaged.type() + " " + unmanaged.id() + ": Administrator access",
                "High · DD-SG-001 · " + changed.address() + ": SSH open to the world");
    }

    @Test
    void aScanWhoseDriftIntroducedNoRiskSaysSo() {
        model.show(OverviewFigures.of(SampleScans.small(), null, List.of()));

        assertThat(model.highestRisk()).isEmpty();
        assertThat(model.highestRiskPlaceholderProperty().get()).isEqualTo(OverviewViewModel.NO_RISK);
    }

    private static dev.driftdeck.risk.Risk risk(String rule, dev.driftdeck.risk.Severity severity, String title,
                                                dev.driftdeck.risk.Risk.Effect effect) {
        return new dev.driftdeck.risk.Risk(rule, severity, title, "why", "fix", List.of(), effect);
    }
}
