package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.scan.ScanProgress;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryViewModelTest {

    private final SummaryViewModel model = new SummaryViewModel(Clock.fixed(SampleScans.FINISHED.plusSeconds(300), ZoneOffset.UTC));

    @Test
    void beforeAScanThereIsNothingToCount() {
        assertThat(model.coverageTextProperty().get()).isEqualTo("Coverage —");
        assertThat(model.lastScanTextProperty().get()).isEqualTo("No scan yet");
        // The Overview card shows both lines: the coverage one says what the figure will be, not "No scan yet" again.
        assertThat(model.coverageDetailProperty().get()).isEqualTo("Share of what a scan finds that Terraform manages");
        assertThat(model.totalProperty().get()).isZero();
    }

    @Test
    void countsByStatusAndCoverage() {
        model.show(SampleScans.small());

        assertThat(model.count(FindingStatus.CHANGED)).isEqualTo(2);
        assertThat(model.count(FindingStatus.MISSING)).isEqualTo(1);
        assertThat(model.count(FindingStatus.IN_SYNC)).isEqualTo(3);
        assertThat(model.count(FindingStatus.UNMANAGED)).isEqualTo(2);
        assertThat(model.count(FindingStatus.IGNORED)).isEqualTo(1);
        assertThat(model.count(FindingStatus.NOT_CHECKED)).isEqualTo(1);
        assertThat(model.totalProperty().get()).isEqualTo(10);
        // managed 5 of 5 + 2 unmanaged + 1 missing = 8 -> 62.5% truncated to 62
        assertThat(model.coverageTextProperty().get()).isEqualTo("Coverage 62%");
        assertThat(model.coverageDetailProperty().get()).isEqualTo("5 managed of 8 (62.5%)");
        assertThat(model.driftTextProperty().get()).isEqualTo("2 changed · 1 missing · 2 unmanaged");
    }

    @Test
    void figuresAgreeWithTheReportsOwnCountsAndCoverage() {
        var report = SampleScans.many(1_000);

        SummaryViewModel.Figures figures = SummaryViewModel.figures(report);

        for (FindingStatus status : FindingStatus.values()) {
            assertThat(figures.byStatus().getOrDefault(status, 0L)).as(status.name()).isEqualTo(report.count(status));
        }
        assertThat(figures.coverage()).isEqualTo(report.coverage());
        assertThat(figures.total()).isEqualTo(1_010);
    }

    @Test
    void lastScanLineSaysWhenHowLongAndAlerts() {
        model.show(SampleScans.small());

        assertThat(model.lastScanTextProperty().get()).isEqualTo("Last scan 28 Nov 10:35 · took 12.0 s");
        assertThat(model.alertCountTextProperty().get()).isEqualTo("1 alert");
        assertThat(model.alertsTextProperty().get()).isEqualTo(
                "aws_ebs_volume · 123456789012 · eu-west-1: Access denied for ec2:DescribeVolumes in eu-west-1 (grant ec2:DescribeVolumes)");
        assertThat(model.ago(SampleScans.small())).isEqualTo("5 min ago");
    }

    @Test
    void aScanWithoutDriftSaysSo() {
        model.show(SampleScans.report(java.util.List.of()));

        assertThat(model.driftTextProperty().get()).isEqualTo("No drift");
        assertThat(model.alertCountTextProperty().get()).isEqualTo("1 alert");
        assertThat(model.coverageTextProperty().get()).isEqualTo("Coverage 100%");
    }

    @Test
    void sourceLevelAlertsHaveNoScope() {
        var alert = new dev.driftdeck.drift.Alert(null, null, null, "State s3://tf/prod.tfstate: access denied", "s3:GetObject");

        assertThat(SummaryViewModel.alertLine(alert)).isEqualTo("State s3://tf/prod.tfstate: access denied (grant s3:GetObject)");
    }

    @Test
    void progressShowsMessageAndCountsUntilTheScanIsStored() {
        ScanProgressViewModel progress = new ScanProgressViewModel();

        progress.apply(new ScanProgress("Listing aws_instance in eu-west-1", 12, 40));
        assertThat(progress.activeProperty().get()).isTrue();
        assertThat(progress.messageProperty().get()).isEqualTo("Listing aws_instance in eu-west-1 (12/40)");
        assertThat(progress.fractionProperty().get()).isEqualTo(0.3);

        progress.apply(new ScanProgress("Reading state sources", 0, 0));
        assertThat(progress.fractionProperty().get()).isEqualTo(-1.0);

        progress.hide();
        assertThat(progress.activeProperty().get()).isFalse();
    }
}
