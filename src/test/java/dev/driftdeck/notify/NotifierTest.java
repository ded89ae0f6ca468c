package dev.driftdeck.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.schedule.MutableClock;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationChannel.Kind;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules over a real database (H2 and PostgreSQL) and a real webhook receiver (WireMock). */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class NotifierTest {

    @RegisterExtension
    final MigratedDatabase database;
    @TempDir
    Path data;

    private WireMockServer slack;
    // noon UTC (the clock's zone): inside the 11:00-13:00 quiet hours one test sets
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private NotificationRepository repository;
    private ScanRepository scans;
    private SecretFile secrets;
    private Notifier notifier;
    private Severity floor = Severity.HIGH;

    NotifierTest(TestDatabase kind) {
        database = new MigratedDatabase(kind);
    }

    @BeforeEach
    void start() {
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(post("/services/T0/B0/abcd").willReturn(aResponse().withStatus(200)));
        repository = new NotificationRepository(database.db());
        scans = new ScanRepository(database.db());
        secrets = new SecretFile(data.resolve(SecretFile.FILE_NAME));
        String url = "http://127.0.0.1:" + slack.port() + "/services/T0/B0/abcd";
        Target target = new Target(Kind.SLACK, url, null);
        repository.addChannel(new NotificationChannel(0, "#platform", Kind.SLACK, target.masked(), secrets.put(target),
                clock.instant()));
        notifier = new Notifier(repository, scans, secrets, new Channels(new WebhookClient(clock,
                new RecordingSleeper(clock), RetryPolicy.STANDARD), clock), clock, () -> floor);
    }

    @AfterEach
    void stop() {
        slack.stop();
    }

    private long store(Finding... findings) {
        Instant now = clock.instant();
        return scans.save(new ScanReport(now.minusSeconds(30), now, List.of(), List.of(findings), List.of(), Map.of(),
                List.of("123456789012"), List.of("eu-west-1")));
    }

    private int posts() {
        return slack.findAll(postRequestedFor(urlEqualTo("/services/T0/B0/abcd"))).size();
    }

    @Test
    void newDriftIsAnnouncedOnceNotOnEveryScan() {
        notifier.scanStored(store(Samples.openedGroup()));
        clock.advance(Duration.ofMinutes(15));
        notifier.scanStored(store(Samples.openedGroup()));

        assertThat(posts()).isEqualTo(1);
        assertThat(repository.deliveries(10)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("NEW_DRIFT");
            assertThat(d.outcome()).isEqualTo("SENT");
            assertThat(d.channelName()).isEqualTo("#platform");
            assertThat(d.title()).isEqualTo("1 new drift, worst High");
        });
    }

    @Test
    void driftUnderTheFloorIsNotAnnounced() {
        notifier.scanStored(store(Samples.unmanagedQueue()));

        assertThat(posts()).isZero();
        floor = null;
        notifier.scanStored(store(Samples.unmanagedQueue()));
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void resolvedDriftIsAnnouncedAndDriftThatComesBackIsNewsAgain() {
        notifier.scanStored(store(Samples.openedGroup()));
        notifier.scanStored(store(Samples.inSync(Samples.openedGroup())));
        notifier.scanStored(store(Samples.openedGroup()));

        assertThat(repository.deliveries(10)).extracting(DeliveryRecord::rule)
                .containsExactly("NEW_DRIFT", "RESOLVED", "NEW_DRIFT");
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/services/T0/B0/abcd"))).get(1).getBodyAsString())
                .contains("1 drift resolved", "aws_security_group.web");
    }

    @Test
    void quietHoursHoldDriftUntilTheyEnd() {
        repository.saveRules(new NotificationSettings(true, true, 0, NotificationSettings.Digest.OFF,
                LocalTime.of(11, 0), LocalTime.of(13, 0), null));
        notifier.scanStored(store(Samples.openedGroup()));
        notifier.tick();
        assertThat(posts()).isZero();

        clock.advance(Duration.ofHours(1)); // 13:00, quiet hours over
        notifier.tick();

        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void quietHoursAcrossMidnightHoldDriftUntilTheMorning() {
        repository.saveRules(new NotificationSettings(true, true, 0, NotificationSettings.Digest.OFF,
                LocalTime.of(22, 0), LocalTime.of(7, 0), null));
        clock.advance(Duration.ofMinutes(11 * 60 + 30)); // 23:30
        notifier.scanStored(store(Samples.openedGroup()));
        clock.advance(Duration.ofMinutes(7 * 60 + 29)); // 06:59 the next day
        notifier.tick();
        assertThat(posts()).isZero();

        clock.advance(Duration.ofMinutes(1)); // 07:00, quiet hours over
        notifier.tick();

        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void noSuccessfulScanForNHoursIsAnnouncedOnce() {
        repository.saveRules(new NotificationSettings(true, true, 6, NotificationSettings.Digest.OFF, null, null, null));
        store(Samples.inSync(Samples.openedGroup()));
        clock.advance(Duration.ofHours(5));
        notifier.tick();
        assertThat(posts()).isZero();

        clock.advance(Duration.ofHours(1));
        notifier.tick();
        notifier.tick();

        assertThat(repository.deliveries(10)).singleElement().extracting(DeliveryRecord::title)
                .isEqualTo("No successful drift scan for 6 hours");
    }

    private static dev.driftdeck.schedule.JobStatus ran(long runId, dev.driftdeck.schedule.RunOutcome outcome, Instant at) {
        return new dev.driftdeck.schedule.JobStatus("drift-scan", dev.driftdeck.schedule.JobState.IDLE,
                new dev.driftdeck.schedule.JobRun(runId, "drift-scan", dev.driftdeck.schedule.Trigger.SCHEDULED, at, at,
                        at.plusSeconds(5), outcome, outcome == dev.driftdeck.schedule.RunOutcome.FAILED
                        ? "No AWS listing succeeded: check the credentials\n\tat ..." : null, 0),
                null, null, false, null);
    }

    @Test
    void aFailingJobIsAnnouncedOnceUntilItSucceedsAgain() {
        notifier.statuses(List.of(ran(1, dev.driftdeck.schedule.RunOutcome.FAILED, clock.instant())));
        notifier.statuses(List.of(ran(2, dev.driftdeck.schedule.RunOutcome.FAILED, clock.instant())));
        notifier.statuses(List.of(ran(3, dev.driftdeck.schedule.RunOutcome.SUCCEEDED, clock.instant())));
        notifier.statuses(List.of(ran(4, dev.driftdeck.schedule.RunOutcome.FAILED, clock.instant())));

        assertThat(repository.deliveries(10)).extracting(DeliveryRecord::title)
                .containsExactly("Driftdeck job drift-scan failed", "Driftdeck job drift-scan failed");
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/services/T0/B0/abcd"))).getFirst().getBodyAsString())
                .contains("No AWS listing succeeded: check the credentials").doesNotContain("at ...");
    }

    @Test
    void aChannelWhoseReceiverIsGoneFailsInTheHistoryWithoutThrowing() {
        slack.stubFor(post("/services/T0/B0/abcd").willReturn(aResponse().withStatus(410).withBody("no_service")));

        notifier.scanStored(store(Samples.openedGroup()));

        assertThat(repository.deliveries(10)).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("FAILED");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.error()).contains("HTTP 410", "/…/abcd", "paste it again").doesNotContain("T0/B0");
        });
    }

    @Test
    void theSecretIsOnlyInTheOwnerOnlyFileNeverInTheDatabase() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.path()))).isEqualTo("rw-------");
        assertThat(Files.readString(secrets.path())).contains("T0/B0/abcd");
        assertThat(repository.channels()).singleElement().extracting(NotificationChannel::targetMasked)
                .isEqualTo("http://127.0.0.1:" + slack.port() + "/…/abcd");
    }
}
