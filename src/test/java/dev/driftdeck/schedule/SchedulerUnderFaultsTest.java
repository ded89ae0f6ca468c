package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.testing.FaultInjectingProxy;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the scheduler keeps ticking while faults fly. A real {@link JobScheduler} on real threads and a real
 * H2 run store runs the product's drift-scan job every 100 ms against moto behind a proxy that spoils 20% of the
 * requests. Runs keep completing (SUCCEEDED or PARTIAL; FAILED only when no listing got through), none of the
 * stored scans calls the live user or queue MISSING, and the scheduler's threads end cleanly.
 */
class SchedulerUnderFaultsTest {

    static final String STATE = """
            {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "soak", "outputs": {},
             "resources": [
              {"mode": "managed", "type": "aws_iam_user", "name": "alice",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                 "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                 "sensitive_attributes": []}]},
              {"mode": "managed", "type": "aws_sqs_queue", "name": "orders",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "%s", "name": "orders", "url": "%<s",
                 "arn": "arn:aws:sqs:us-east-1:123456789012:orders", "tags": {}, "delay_seconds": 0,
                 "max_message_size": 1048576, "message_retention_seconds": 345600, "visibility_timeout_seconds": 30,
                 "receive_wait_time_seconds": 0, "fifo_queue": false},
                 "sensitive_attributes": []}]}]}""";

    @TempDir
    Path dir;

    @Test
    void driftScanKeepsRunningAndNeverCallsALiveResourceMissingWhileTwentyPercentOfRequestsFail() throws Exception {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/"));
        }
        String queueUrl;
        try (var sqs = MotoClients.of(software.amazon.awssdk.services.sqs.SqsClient.builder())) {
            queueUrl = sqs.createQueue(r -> r.queueName("orders")).queueUrl();
        }
        Path state = Files.writeString(dir.resolve("soak.tfstate"), STATE.formatted(queueUrl));
        SessionOptions underFaults = new SessionOptions(3, Duration.ofMillis(500), Duration.ofMillis(1_500));

        try (FaultInjectingProxy proxy = FaultInjectingProxy.start(moto.endpoint(), 5_000);
             Database db = Database.open(dir.resolve("driftdeck"))) {
            Migrations.migrateAndVerify(db);
            new SettingsRepository(db).save(new ConsoleSettings(List.of(state.toString()), List.of(MotoClients.REGION),
                    null, proxy.endpoint(), false, 15));
            ScanService scans = new ScanService(Clock.systemUTC(), StateLoaders.standard(new StateCache()),
                    target -> AwsSession.open(new AwsTarget(null, target.region(), proxy.endpoint()),
                            MotoClients.CREDENTIALS, underFaults), new AwsScanner());
            ScanRepository repository = new ScanRepository(db);
            List<Long> stored = new CopyOnWriteArrayList<>();
            ScanEvents events = new ScanEvents();
            events.onStored(stored::add);
            JdbcRunStore runs = new JdbcRunStore(db);
            proxy.inject(42, 0.20);

            JobScheduler scheduler = JobScheduler.create(Clock.systemUTC(), runs, List.of(new JobDefinition(
                            new DriftScanJob(scans, new SettingsRepository(db), repository, events, new IgnoreRuleRepository(db)),
                            Duration.ofMillis(100), true)),
                    new SchedulerOptions(Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(200)));
            try {
                scheduler.start();
                // A liveness bound, not a speed target: each scan lists every supported type (91) through the faults,
                // ~10 s on an idle 2-core machine and several times that on a loaded one.
                await().atMost(Duration.ofMinutes(4)).until(() -> stored.size() >= 4);
            } finally {
                scheduler.close();
            }

            Map<FaultInjectingProxy.Kind, Integer> injected = proxy.injected();
            assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).as(injected.toString()).isPositive();
            List<JobRun> history = runs.recentRuns(DriftScanJob.NAME, 100);
            assertThat(history).as(history.toString()).hasSizeGreaterThanOrEqualTo(4)
                    .allMatch(run -> run.outcome() == RunOutcome.SUCCEEDED || run.outcome() == RunOutcome.PARTIAL
                            || run.outcome() == RunOutcome.CANCELLED
                            // STS refused on every attempt: nothing could be listed, which is a failure with its reason
                            || (run.outcome() == RunOutcome.FAILED && run.error().startsWith("No AWS listing succeeded")));
            assertThat(stored).hasSizeGreaterThanOrEqualTo(4);
            long fullyChecked = 0;
            for (long id : stored) {
                ScanReport report = repository.load(id).orElseThrow();
                fullyChecked += report.count(FindingStatus.IN_SYNC) == 2 ? 1 : 0;
                assertThat(report.findings()).as("scan " + id)
                        .noneMatch(f -> f.status() == FindingStatus.MISSING)
                        .allMatch(f -> f.status() == FindingStatus.IN_SYNC || f.status() == FindingStatus.NOT_CHECKED
                                || f.status() == FindingStatus.UNMANAGED);
            }
            assertThat(fullyChecked).as("at least one run got through and matched both resources").isPositive();
            System.out.printf("Scheduler under faults: %d drift-scan runs %s, injected %s over %d requests%n",
                    history.size(), history.stream().map(r -> r.outcome().name()).toList(), injected, proxy.requests());
            // Close no longer interrupts a job (it may be in H2): a scan stops at its next AWS call, after the calls
            // in flight finish their retries under the faults (up to 3 x 1.5 s each), so give the threads time to end.
            await().atMost(Duration.ofSeconds(60)).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("driftdeck-job") && t.isAlive()));
        }
    }
}
