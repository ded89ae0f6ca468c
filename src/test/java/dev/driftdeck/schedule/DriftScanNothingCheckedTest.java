package dev.driftdeck.schedule;

import static dev.driftdeck.schedule.SchedulerHarness.every;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.testing.MotoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduled drift scan when not one AWS listing succeeds (an unreachable endpoint here; expired credentials or
 * every call denied alike): the run is FAILED with the CLI's sentence as its error, and no scan is stored, so the
 * console keeps showing the last scan that checked something.
 */
class DriftScanNothingCheckedTest extends SchedulerHarnessTest {

    private static final String STATE = """
            {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "unreachable", "outputs": {},
             "resources": [{"mode": "managed", "type": "aws_iam_user", "name": "alice",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                 "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                 "sensitive_attributes": []}]}]}""";

    @Test
    void aScanThatListedNothingIsAFailedRunWithTheReasonAndStoresNoScan() throws Exception {
        MotoClients.useFakeCredentialsForDefaultChain();
        Path state = Files.writeString(dir.resolve("prod.tfstate"), STATE);
        new SettingsRepository(harness.db).save(new ConsoleSettings(List.of(state.toString()),
                List.of(MotoClients.REGION), null, "http://127.0.0.1:1", false, 15));
        ScanRepository scans = new ScanRepository(harness.db);
        ScanEvents events = new ScanEvents();
        List<Long> stored = new ArrayList<>();
        events.onStored(stored::add);
        JobScheduler scheduler = harness.start(every(Duration.ofMinutes(15), new DriftScanJob(
                ScanService.standard(harness.clock), new SettingsRepository(harness.db), scans, events,
                new IgnoreRuleRepository(harness.db))));

        scheduler.runNow(DriftScanJob.NAME);
        harness.workers.runAll();

        assertThat(harness.history(DriftScanJob.NAME)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(run.error()).startsWith("No AWS listing succeeded (aws_")
                    .contains("Could not identify the AWS account", "Connect to 127.0.0.1:1")
                    .endsWith("then scan again.); nothing was checked.")
                    .doesNotContain("\tat ", "Exception");
        });
        assertThat(scans.latest()).as("nothing checked, nothing stored").isEmpty();
        assertThat(stored).isEmpty();
        assertThat(harness.status(DriftScanJob.NAME).state()).isEqualTo(JobState.BACKING_OFF);
    }
}
