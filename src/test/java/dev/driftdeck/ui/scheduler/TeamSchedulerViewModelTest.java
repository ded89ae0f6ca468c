package dev.driftdeck.ui.scheduler;

import static dev.driftdeck.ui.Statuses.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.TeamStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler page on a shared database, without a stage: who leads, and a follower's Scan now answered by the leader. */
class TeamSchedulerViewModelTest {

    private static final String DB = "postgresql://db.example.com:5432/driftdeck?user=ops";

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all());
    private final SchedulerViewModel model = new SchedulerViewModel(Optional.of(scheduler), BackgroundTasks.sameThread(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFollowerNamesTheLeaderAndSince() {
        model.showTeam(new TeamStatus(DB, false, "alice@scan1:4242", NOW.minusSeconds(3600), true));

        assertThat(model.teamTextProperty().get()).isEqualTo("Following alice@scan1:4242, which leads " + DB
                + " since 09:40:00 and runs the jobs; Scan now asks it.");
    }

    @Test
    void whenTheLeaderDiedAndThisConsoleTookOverThePageSaysSo() {
        model.showTeam(new TeamStatus(DB, false, "alice@scan1:4242", NOW.minusSeconds(3600), true));
        model.showTeam(new TeamStatus(DB, false, "alice@scan1:4242", NOW.minusSeconds(3600), false));
        assertThat(model.teamTextProperty().get()).isEqualTo("No Driftdeck leads " + DB + " right now"
                + " (alice@scan1:4242 led last); this console or another takes over within 15 s.");

        model.showTeam(new TeamStatus(DB, true, "bob@laptop:77", NOW, true));

        assertThat(model.teamTextProperty().get()).isEqualTo("This console took over the leadership of " + DB
                + " since 10:40:00 (alice@scan1:4242 led before) and now runs the jobs.");
    }

    @Test
    void aConsoleThatLeadsFromTheStartSaysItRunsTheJobs() {
        model.showTeam(new TeamStatus(DB, true, "bob@laptop:77", NOW, true));

        assertThat(model.teamTextProperty().get()).isEqualTo("This console leads " + DB
                + " since 10:40:00 and runs the jobs.");
    }

    @Test
    void theEmbeddedDatabaseShowsNoTeamLine() {
        model.start();

        assertThat(model.teamTextProperty().get()).isEmpty();
    }

    @Test
    void aFollowersScanNowSaysTheLeaderMergedIt() {
        model.start();
        scheduler.answerRunNowWith(new RunNowResult(RunNowResult.Kind.MERGED, null, "alice@scan1:4242"));

        model.scanNow();

        assertThat(model.messageProperty().get()).isEqualTo("Scan now was MERGED by the leader alice@scan1:4242:"
                + " it was already running; one more run is queued after it");
        scheduler.publish(List.of(Statuses.scanRunning(false)));
        assertThat(model.scanButtonTextProperty().get()).isEqualTo("Queued");
    }

    @Test
    void aFollowersScanNowSaysTheLeaderStartedIt() {
        model.start();
        scheduler.answerRunNowWith(new RunNowResult(RunNowResult.Kind.STARTED, null, "alice@scan1:4242"));

        model.scanNow();

        assertThat(model.messageProperty().get()).isEqualTo("Scan now was STARTED by the leader alice@scan1:4242");
    }

    @Test
    void aFollowersRunNowOfAnotherJobNamesTheLeaderToo() {
        model.start();
        scheduler.answerRunNowWith(new RunNowResult(RunNowResult.Kind.STARTED, null, "alice@scan1:4242"));

        model.runNow("state-sync");

        assertThat(model.messageProperty().get()).isEqualTo("state-sync was STARTED by the leader alice@scan1:4242");
    }
}
