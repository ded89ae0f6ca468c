package dev.driftdeck.app;

import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.schedule.DaemonThreads;
import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.InstanceName;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.RunRequests;
import dev.driftdeck.team.TeamMember;
import dev.driftdeck.team.TeamScheduler;
import dev.driftdeck.team.TeamWatch;
import dev.driftdeck.ui.TeamStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The console on a shared PostgreSQL database: a {@link TeamMember} like {@code driftdeck serve} (same election, each
 * term's scheduler built by {@link DesktopBootstrap#jobs}), a {@link TeamScheduler} the console's panels use in
 * either role, and a {@link TeamWatch} that shows the leader, its jobs and the scans it stores within seconds.
 */
public final class TeamConsole implements AutoCloseable {

    /** A follower's "Scan now" waits this long for the leader's answer: the take-over bound. */
    static final Duration ASK_WAIT = Duration.ofSeconds(15);

    private final Database db;
    private final TeamScheduler scheduler;
    private final TeamWatch watch;
    private final TeamMember member;
    /** Announces what the jobs find while this console leads; nothing while it follows. */
    private final NotificationWiring notifications;
    /** The console's scan events, the same across terms; each term's progress is passed on to them. */
    private final ScanEvents events = new ScanEvents();
    private volatile AutoCloseable progressRelay;

    /**
     * @param jobs          builds a term's scheduler (not started) over the fenced database, with the term's scan events
     * @param notifications the notification rules, given each term's scheduler as serve's are
     */
    private TeamConsole(Database db, Clock clock, Map<String, Schedule> defaults,
                        TermJobs jobs, NotificationWiring notifications) {
        this.db = db;
        this.notifications = notifications;
        String me = InstanceName.userAtHostPid();
        this.scheduler = new TeamScheduler(new JdbcRunStore(db), defaults, new RunRequests(db), me,
                db.location().toString(), clock, ASK_WAIT);
        this.watch = new TeamWatch(db, scheduler,
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("driftdeck-team-watch")),
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("driftdeck-scan-notices")),
                TeamWatch.POLL, clock);
        watch.onScanStored(events::storedElsewhere);
        this.member = new TeamMember(db, me, clock, new TeamMember.Terms() {
            @Override
            public JobScheduler start(Database termDb, UnaryOperator<Job> guard) {
                DesktopBootstrap.Jobs built = jobs.build(termDb, guard);
                try {
                    built.scheduler().start();
                } catch (RuntimeException e) {
                    built.scheduler().close();
                    throw e;
                }
                progressRelay = events.relayProgress(built.events());
                notifications.lead(termDb, built.events(), built.scheduler());
                return built.scheduler();
            }

            @Override
            public void changed(JobScheduler leading) {
                if (leading == null) {
                    notifications.follow();
                    closeRelay();
                }
                scheduler.lead(leading);
                watch.checkSoon();
            }
        });
    }

    /** Builds a term's scheduler (not started) and its scan events over the term's fenced database. */
    @FunctionalInterface
    interface TermJobs {
        DesktopBootstrap.Jobs build(Database termDb, UnaryOperator<Job> guard);
    }

    /** Starts watching, then contending: the console shows the leader's jobs until (unless) it leads. */
    static TeamConsole start(Database db, Clock clock, Map<String, Schedule> defaults,
                             TermJobs jobs, NotificationWiring notifications) {
        TeamConsole team = new TeamConsole(db, clock, defaults, jobs, notifications);
        team.watch.start();
        team.member.start();
        return team;
    }

    /** The console's scheduler: the term's while it leads, the leader's (read back) while it follows. */
    TeamScheduler scheduler() {
        return scheduler;
    }

    /** The console's scan events: progress of its own scans, and every scan stored by anyone. */
    ScanEvents events() {
        return events;
    }

    /** The scheduler of the term this console leads under, or empty while it follows. */
    public Optional<JobScheduler> leading() {
        return member.scheduler();
    }

    /** Who leads, for the scheduler page. */
    AutoCloseable subscribe(Consumer<TeamStatus> listener) {
        return watch.onLeadership(seen -> listener.accept(new TeamStatus(db.location().toString(), seen.leads(),
                seen.leader().holder(), seen.leader().since(), seen.leader().held())));
    }

    private void closeRelay() {
        AutoCloseable relay = progressRelay;
        progressRelay = null;
        if (relay != null) {
            try {
                relay.close();
            } catch (Exception e) {
                // only a listener list
            }
        }
    }

    /** The notification rules, running while this console leads. */
    NotificationWiring notifications() {
        return notifications;
    }

    /** Stops contending (a leading console stops its jobs and releases the lock), then stops watching. */
    @Override
    public void close() {
        member.close();
        notifications.close();
        watch.close();
        closeRelay();
    }
}
