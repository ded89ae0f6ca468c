package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.InstanceName;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.ui.DatabaseSetting;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.TeamStatus;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's bootstrap on a real PostgreSQL: the same gate, then the election like serve. A second console
 * follows (no jobs, the leader named, the leader's jobs shown, its Scan now served by the leader, scans stored by
 * others announced), and takes over when the leader closes; a server that cannot be reached opens the console
 * offline with the URL in the reason; the Settings' database is the one opened at the next start.
 */
class TeamConsoleTest {

    private static final Duration TAKE_OVER = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private DesktopBootstrap.Desktop boot(String name, String database) {
        Clock clock = Clock.systemUTC();
        return DesktopBootstrap.boot(new DataDirectory(dir.resolve(name)), database, clock,
                ScanService.standard(clock), StateLoaders.standard(new StateCache()), SchedulerOptions.defaults());
    }

    @Test
    void aSecondConsoleFollowsIsServedByTheLeaderSeesNewScansAndTakesOver() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        DatabaseLocation.Postgres location = PostgresServer.shared().createDatabase();
        DesktopBootstrap.Desktop follower = null;
        DesktopBootstrap.Desktop leader = boot("a", location.toString());
        try (Database other = Database.open(location)) {
            await().atMost(TAKE_OVER).until(() -> leader.runningScheduler().isPresent());

            follower = boot("b", location.toString());
            DesktopBootstrap.Desktop b = follower;
            List<TeamStatus> team = new CopyOnWriteArrayList<>();
            b.services().subscribeTeam(team::add);
            AtomicInteger storedSeen = new AtomicInteger();
            b.services().subscribeScanStored(storedSeen::incrementAndGet);
            await().atMost(TAKE_OVER).until(() -> !team.isEmpty() && team.getLast().held());
            // Two boots in one JVM share user@host:pid; the lock tells them apart.
            assertThat(team.getLast().leads()).isFalse();
            assertThat(team.getLast().holder()).isEqualTo(InstanceName.userAtHostPid());
            assertThat(team.getLast().database()).isEqualTo(location.toString());
            assertThat(b.runningScheduler()).as("a follower runs no jobs").isEmpty();
            SchedulerControl scheduler = b.services().scheduler().orElseThrow();
            assertThat(scheduler.statuses()).extracting(JobStatus::job)
                    .containsExactly("drift-scan", "state-sync", "daily-refresh");
            assertThat(b.services().readOnlyReason()).isEmpty();

            RunNowResult answer = scheduler.runNow(StateSyncJob.NAME);
            assertThat(answer.kind()).isIn(RunNowResult.Kind.STARTED, RunNowResult.Kind.MERGED);
            assertThat(answer.servedBy()).isEqualTo(InstanceName.userAtHostPid());

            new ScanRepository(other).save(SampleScans.small());
            await().atMost(Duration.ofSeconds(10)).until(() -> storedSeen.get() == 1);

            leader.close();
            await().atMost(TAKE_OVER).until(() -> b.runningScheduler().isPresent());
            await().atMost(Duration.ofSeconds(10)).until(() -> team.getLast().leads());
        } finally {
            leader.close();
            if (follower != null) {
                follower.close();
            }
        }
        assertThat(teamThreads(before)).as("election, desk, watch, listener and term threads alive after close")
                .isEmpty();
    }

    /**
     * The team's threads this test started and that are still alive: by name, because the suite runs another class
     * beside this one, whose scans keep the shared AWS listing pool ({@code driftdeck-aws-*}) busy meanwhile.
     */
    private static List<String> teamThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .map(Thread::getName).filter(name -> TEAM_THREADS.stream().anyMatch(name::startsWith)).sorted().toList();
    }

    /** What a console in a team starts: election, run-now desk, watch and its listener, a term's scheduler. */
    private static final List<String> TEAM_THREADS = List.of("driftdeck-election", "driftdeck-requests",
            "driftdeck-team-watch", "driftdeck-scan-notices", "driftdeck-job", "driftdeck-tick");

    @Test
    void anUnreachableServerOpensTheConsoleOfflineNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://127.0.0.1:" + closedPort + "/driftdeck?user=ops";

        try (DesktopBootstrap.Desktop offline = boot("offline", url)) {
            assertThat(offline.services().readOnlyReason()).get().asString()
                    .contains(url)
                    .contains("cannot be reached")
                    .contains("correct --db, or start Driftdeck without it");
            assertThat(offline.services().scheduler()).isEmpty();
            assertThat(offline.services().latestScan()).isEmpty();
            assertThat(offline.services().databaseSetting()).get().extracting(DatabaseSetting::source)
                    .isEqualTo("--db");
        }
    }

    @Test
    void theDatabaseSavedInSettingsIsOpenedAtTheNextStartAndBlankGoesBack() throws Exception {
        DatabaseLocation.Postgres location = PostgresServer.shared().createDatabase();
        try (DesktopBootstrap.Desktop first = boot("c", null)) {
            assertThat(first.db().shared()).isFalse();
            assertThat(first.services().databaseSetting()).get()
                    .isEqualTo(new DatabaseSetting("", first.db().location().toString(), "the default"));
            first.services().saveDatabaseSetting(location.toString());
        }
        try (DesktopBootstrap.Desktop second = boot("c", null)) {
            assertThat(second.db().location()).isEqualTo(location);
            assertThat(second.services().databaseSetting()).get()
                    .isEqualTo(new DatabaseSetting(location.toString(), location.toString(), "the Settings"));
            second.services().saveDatabaseSetting("");
        }
        try (DesktopBootstrap.Desktop third = boot("c", null)) {
            assertThat(third.db().shared()).as("blank: the embedded database again").isFalse();
        }
    }
}
