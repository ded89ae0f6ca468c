package dev.driftdeck.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.notify.Target;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.ui.TeamStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications in a team of consoles on a real PostgreSQL, to a real webhook receiver (WireMock): the leading
 * console announces the drift its scans store, once; a console that follows announces nothing (the leader's
 * notifications are the team's), and starts announcing when it takes over.
 */
class TeamNotificationsTest {

    private static final Duration TAKE_OVER = Duration.ofSeconds(15);
    private static final Duration SCAN = Duration.ofSeconds(90);
    private static final String HOOK = "/hooks/driftdeck";

    @TempDir
    Path dir;

    private WireMockServer receiver;

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private DesktopBootstrap.Desktop boot(String name, DatabaseLocation location) {
        Clock clock = Clock.systemUTC();
        return DesktopBootstrap.boot(new DataDirectory(dir.resolve(name)), location.toString(), clock,
                ScanService.standard(clock), StateLoaders.standard(new StateCache()), SchedulerOptions.defaults());
    }

    @Test
    void theLeaderAnnouncesNewDriftOnceTheFollowerNothingUntilItTakesOver() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        receiver.stubFor(post(HOOK).willReturn(aResponse().withStatus(204)));
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/"));
            iam.createUser(r -> r.userName("bob").path("/"));
        }
        DatabaseLocation.Postgres location = PostgresServer.shared().createDatabase();
        prepare(location, usersState());

        DesktopBootstrap.Desktop follower = null;
        DesktopBootstrap.Desktop leader = boot("a", location);
        try (Database db = Database.open(location)) {
            NotificationRepository history = new NotificationRepository(db);
            await().atMost(TAKE_OVER).until(() -> leader.runningScheduler().isPresent());
            follower = boot("b", location);
            DesktopBootstrap.Desktop b = follower;
            List<TeamStatus> team = new CopyOnWriteArrayList<>();
            b.services().subscribeTeam(team::add);
            AtomicInteger scansSeen = new AtomicInteger();
            b.services().subscribeScanStored(scansSeen::incrementAndGet);
            await().atMost(TAKE_OVER).until(() -> !team.isEmpty() && team.getLast().held() && !team.getLast().leads());

            // The follower edits the team's channels too; its test message goes from its own machine.
            NotificationChannel channel = history.channels().getFirst();
            DeliveryRecord test = b.services().notifications().orElseThrow().sendTest(channel.id());
            assertThat(test.outcome()).isEqualTo("SENT");
            assertThat(test.rule()).isEqualTo("TEST");

            // The follower's Scan now is served by the leader; the scan it stores has bob unmanaged: new drift.
            b.services().scheduler().orElseThrow().runNow(DriftScanJob.NAME);
            await().atMost(SCAN).until(() -> posts().size() == 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> scansSeen.get() >= 1);
            assertThat(posts()).extracting(LoggedRequest::getBodyAsString).anyMatch(body -> body.contains("\"bob\""));
            // In either order: the leader's first sync may have asked for the scan before the follower did.
            assertThat(history.deliveries(10)).extracting(DeliveryRecord::rule, DeliveryRecord::outcome).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("NEW_DRIFT", "SENT"), org.assertj.core.groups.Tuple.tuple("TEST", "SENT"));
            assertThat(notifierThreads(before)).as("one notifier for the team: the leader's").hasSize(1);

            // The leader goes; the follower takes over and announces what is new from then on, nothing twice.
            leader.close();
            await().atMost(TAKE_OVER).until(() -> b.runningScheduler().isPresent());
            try (var iam = MotoClients.iam()) {
                iam.createUser(r -> r.userName("carol").path("/"));
            }
            Instant asked = Instant.now();
            b.services().scheduler().orElseThrow().runNow(DriftScanJob.NAME);
            await().atMost(SCAN).until(() -> posts().size() >= 3);
            assertThat(posts()).hasSize(3);
            assertThat(posts()).extracting(LoggedRequest::getBodyAsString).filteredOn(body -> body.contains("carol"))
                    .singleElement().asString().as("bob was announced already").doesNotContain("\"bob\"");
            assertThat(history.deliveries(10)).extracting(DeliveryRecord::rule)
                    .containsExactlyInAnyOrder("NEW_DRIFT", "NEW_DRIFT", "TEST");
            assertThat(history.deliveries(10).getFirst()).as("the newest, from the new leader").satisfies(d -> {
                assertThat(d.rule()).isEqualTo("NEW_DRIFT");
                assertThat(d.at()).isAfter(asked);
            });
        } finally {
            leader.close();
            if (follower != null) {
                follower.close();
            }
        }
        assertThat(notifierThreads(before)).as("no notifier left once both consoles closed").isEmpty();
    }

    /** The team's settings (scan the state on moto) and one webhook channel, its secret in both data directories. */
    private void prepare(DatabaseLocation location, Path state) throws Exception {
        try (Database db = Database.open(location)) {
            Migrations.migrateAndVerify(db);
            new SettingsRepository(db).save(new ConsoleSettings(List.of(state.toString()), List.of("us-east-1"), null,
                    MotoServer.shared().endpoint(), false, 15));
            SecretFile secrets = SecretFile.in(new DataDirectory(dir.resolve("a")));
            Target target = new Target(NotificationChannel.Kind.WEBHOOK, "http://127.0.0.1:" + receiver.port() + HOOK,
                    null);
            new NotificationRepository(db).addChannel(new NotificationChannel(0, "ops hook",
                    NotificationChannel.Kind.WEBHOOK, target.masked(), secrets.put(target), Instant.now()));
            // Both machines can reach the channel, so a follower that announced would be heard.
            Path other = dir.resolve("b").resolve(SecretFile.FILE_NAME);
            Files.createDirectories(other.getParent());
            Files.copy(secrets.path(), other, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private Path usersState() throws Exception {
        Path state = dir.resolve("users.tfstate");
        Files.writeString(state, """
                {"version": 4, "terraform_version": "1.11.4", "serial": 2, "lineage": "team-notify",
                 "outputs": {},
                 "resources": [{"mode": "managed", "type": "aws_iam_user", "name": "alice",
                   "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                   "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                     "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                     "sensitive_attributes": []}]}]}
                """);
        return state;
    }

    private List<LoggedRequest> posts() {
        return receiver.findAll(postRequestedFor(urlEqualTo(HOOK)));
    }

    private static List<String> notifierThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .map(Thread::getName).filter(name -> name.startsWith("driftdeck-notify")).toList();
    }
}
