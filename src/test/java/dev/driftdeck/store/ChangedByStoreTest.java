package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.Via;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** V10: who changed each finding is stored with it on both databases; the newest scan tells where a lookup starts. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ChangedByStoreTest {

    private static final ChangeEvent ALICE = new ChangeEvent("e-2", "arn:aws:iam::123456789012:user/alice", "alice",
            "ModifyInstanceAttribute", Instant.parse("2026-11-28T10:20:00Z"), "203.0.113.7", "console.ec2.amazonaws.com",
            Via.CONSOLE);
    private static final ChangeEvent DEPLOY = new ChangeEvent("e-1", "arn:aws:sts::123456789012:assumed-role/ci/run-9",
            "run-9", "RunInstances", Instant.parse("2026-11-27T09:00:00Z"), null, "APN/1.0 HashiCorp/1.0 Terraform/1.9.8",
            Via.TERRAFORM);

    @RegisterExtension
    final MigratedDatabase database;
    private final TestDatabase kind;
    private ScanRepository scans;

    ChangedByStoreTest(TestDatabase kind) {
        this.kind = kind;
        this.database = new MigratedDatabase(kind);
    }

    @BeforeEach
    void openRepository() {
        scans = new ScanRepository(database.db());
    }

    @Test
    void whoChangedItRoundTripsWithTheFindingAndNothingLookedUpStaysSo() {
        ScanReport report = attributed(Reports.everyStatus(Reports.STARTED));

        long id = scans.save(report);

        List<Finding> stored = scans.load(id).orElseThrow().findings();
        assertThat(stored).isEqualTo(report.findings());
        assertThat(byId(stored, "i-0abc").changedBy().events()).containsExactly(ALICE, DEPLOY);
        assertThat(byId(stored, "orders").changedBy().status()).isEqualTo(AttributionStatus.PENDING);
        assertThat(byId(stored, "logs").changedBy()).isEqualTo(ChangedBy.notLookedUp());
    }

    @Test
    void theNewestScanSaysSinceWhenEachDriftWasInSync() {
        Instant first = Reports.STARTED;
        Instant second = first.plusSeconds(900);
        Instant third = second.plusSeconds(900);
        scans.save(inSyncThenChanged(Reports.everyStatus(first), FindingStatus.IN_SYNC));
        scans.save(inSyncThenChanged(Reports.everyStatus(second), FindingStatus.CHANGED));
        scans.save(inSyncThenChanged(Reports.everyStatus(third), FindingStatus.CHANGED));

        Map<ResourceKey, PriorFinding> prior = scans.priorFindings();

        assertThat(prior.get(new ResourceKey("aws_instance", "i-0abc")))
                .as("drifting since the second scan: in sync at the first, seen last by the third")
                .isEqualTo(new PriorFinding(FindingStatus.CHANGED, third, second, first));
        assertThat(prior.get(new ResourceKey("aws_s3_bucket", "logs")))
                .isEqualTo(new PriorFinding(FindingStatus.IN_SYNC, third, null, null));
    }

    @Test
    void theTrailSettingIsEventHistoryUntilSavedAndBlankAgainClearsIt() {
        SettingsRepository settings = new SettingsRepository(database.db());
        assertThat(settings.cloudTrail()).isNull();

        settings.saveCloudTrail("s3://org-trail-logs/cloudtrail/");
        assertThat(settings.cloudTrail()).isEqualTo("s3://org-trail-logs/cloudtrail/");
        assertThat(settings.load()).as("the console settings are untouched").isEqualTo(
                dev.driftdeck.store.ConsoleSettings.defaults());

        settings.saveCloudTrail(" ");
        assertThat(settings.cloudTrail()).isNull();
    }

    private static ScanReport attributed(ScanReport report) {
        List<Finding> findings = report.findings().stream().map(f -> switch (f.status()) {
            case CHANGED -> f.withChangedBy(ChangedBy.found(List.of(DEPLOY, ALICE)));
            case MISSING -> f.withChangedBy(ChangedBy.of(AttributionStatus.PENDING, null));
            case UNMANAGED -> f.withChangedBy(ChangedBy.of(AttributionStatus.NONE, "in the last 90 days (x)"));
            default -> f;
        }).toList();
        return withFindings(report, findings);
    }

    private static ScanReport inSyncThenChanged(ScanReport report, FindingStatus instance) {
        return withFindings(report, report.findings().stream().map(f -> !f.id().equals("i-0abc") ? f
                : new Finding(instance, f.type(), f.id(), f.address(), f.account(), f.region(), f.source(),
                instance == FindingStatus.CHANGED ? f.diffs() : List.of(), null)).toList());
    }

    private static ScanReport withFindings(ScanReport report, List<Finding> findings) {
        return new ScanReport(report.startedAt(), report.finishedAt(), report.sources(), findings, report.alerts(),
                report.apiCalls(), report.accounts(), report.regions());
    }

    private static Finding byId(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
