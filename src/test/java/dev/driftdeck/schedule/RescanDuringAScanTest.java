package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.app.DatabaseIgnoreRules;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ignore.IgnoreRulesViewModel;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "Rescan now" after an ignore-rule edit, pressed while a scan runs: the console's request reaches the real scheduler,
 * is merged into one follow-up run, and that run reads the new rule. The scan runs the product's drift-scan job
 * against moto; the first run is held at its first progress event (after it read the rules) while the operator edits.
 */
class RescanDuringAScanTest extends SchedulerHarnessTest {

    static final String STATE = """
            {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "rescan", "outputs": {},
             "resources": [
              {"mode": "managed", "type": "aws_iam_user", "name": "alice",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/ops/",
                 "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                 "sensitive_attributes": []}]}]}""";

    @Test
    void rescanNowDuringAScanIsMergedAndTheFollowUpAppliesTheEditedRules() throws Exception {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/")); // drifted: the state says /ops/
        }
        Path state = Files.writeString(dir.resolve("prod.tfstate"), STATE);
        IgnoreRuleRepository rules = new IgnoreRuleRepository(harness.db);
        SettingsRepository settings = new SettingsRepository(harness.db);
        settings.save(new ConsoleSettings(List.of(state.toString()), List.of(MotoClients.REGION), null,
                moto.endpoint(), false, 15));
        ScanService scans = new ScanService(Clock.systemUTC(), StateLoaders.standard(new StateCache()),
                target -> AwsSession.open(new AwsTarget(null, target.region(), moto.endpoint()),
                        MotoClients.CREDENTIALS, SessionOptions.defaults()), new AwsScanner());
        ScanRepository repository = new ScanRepository(harness.db);
        ScanEvents events = new ScanEvents();
        List<Long> stored = new CopyOnWriteArrayList<>();
        events.onStored(stored::add);
        CountDownLatch scanning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        events.onProgress(progress -> {
            if (scanning.getCount() > 0) {
                scanning.countDown();
                awaitQuietly(release);
            }
        });
        JobScheduler scheduler = harness.start(new JobDefinition(
                new DriftScanJob(scans, settings, repository, events, rules), Duration.ofHours(1), true, false));
        BackgroundTasks sameThread = BackgroundTasks.sameThread();
        SchedulerViewModel console = new SchedulerViewModel(Optional.of(scheduler), sameThread, Clock.systemUTC());
        console.start();
        IgnoreRulesViewModel ignoreRules = new IgnoreRulesViewModel(Optional.of(new DatabaseIgnoreRules(rules)), sameThread,
                Clock.systemUTC());
        ignoreRules.setRescan(console::scanNow);

        console.scanNow();
        Thread worker = new Thread(harness.workers::runNext, "test-worker");
        worker.start();
        assertThat(scanning.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(console.scanRunningProperty().get()).isTrue();

        ignoreRules.draftProperty().set("aws_iam_user.alice");
        ignoreRules.addDraft();
        assertThat(ignoreRules.changedSinceScanProperty().get()).isTrue();
        ignoreRules.rescanNow();
        assertThat(console.messageProperty().get())
                .isEqualTo("A scan is already running; one more run is queued after it");

        release.countDown();
        worker.join(60_000);
        assertThat(harness.workers.runAll()).as("the merged follow-up run").isOne();

        assertThat(harness.history(DriftScanJob.NAME)).hasSize(2).extracting(JobRun::outcome)
                .allMatch(outcome -> outcome == RunOutcome.SUCCEEDED || outcome == RunOutcome.PARTIAL);
        assertThat(stored).hasSize(2);
        assertThat(alice(repository.load(stored.get(0)).orElseThrow()).status())
                .as("the running scan read the rules before the edit").isEqualTo(FindingStatus.CHANGED);
        assertThat(alice(repository.load(stored.get(1)).orElseThrow()).status())
                .as("the follow-up read the edited rules").isEqualTo(FindingStatus.IGNORED);
    }

    private static Finding alice(ScanReport report) {
        return report.findings().stream()
                .filter(f -> f.type().equals("aws_iam_user") && f.id().equals("alice"))
                .findFirst().orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
