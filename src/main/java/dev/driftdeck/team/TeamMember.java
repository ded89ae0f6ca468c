package dev.driftdeck.team;

import dev.driftdeck.schedule.DaemonThreads;
import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderTerm;
import dev.driftdeck.store.RunRequests;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of a team on a shared PostgreSQL database, {@code driftdeck serve} or a console alike: contends in a
 * {@link LeaderElection}; while it leads, runs a scheduler of its own over the database fenced by the term (each job a
 * {@link LeaderOnlyJob}) and serves followers' run-now requests at a {@link RequestDesk}; when the term ends, stops
 * both and contends again.
 */
public final class TeamMember implements AutoCloseable {

    /** How often a follower tries for the lock and the leader checks it: well inside the 15 s take-over promise. */
    public static final Duration ELECTION_RETRY = Duration.ofSeconds(2);
    /** Followers' run-now requests are served within this of being filed. */
    public static final Duration DESK_POLL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TeamMember.class);

    /** What a term runs; both methods are called on the election's thread. */
    public interface Terms {

        /** Builds and starts the term's scheduler over {@code termDb}, each job wrapped by {@code guard}. */
        JobScheduler start(Database termDb, UnaryOperator<Job> guard);

        /** This instance now leads with {@code scheduler}, or follows again ({@code null}). */
        default void changed(JobScheduler scheduler) {
        }
    }

    private final Database db;
    private final String holder;
    private final Clock clock;
    private final Terms terms;
    private final LeaderElection election;
    private volatile JobScheduler scheduler;
    private ScheduledExecutorService desk;

    /** @param holder who this instance is ({@code user@host:pid}), as followers are told */
    public TeamMember(Database db, String holder, Clock clock, Terms terms) {
        this.db = db;
        this.holder = holder;
        this.clock = clock;
        this.terms = terms;
        this.election = new LeaderElection(new LeaderLock(db, holder), Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("driftdeck-election")), ELECTION_RETRY, new LeaderElection.Role() {
                    @Override
                    public void elected(LeaderTerm term) {
                        lead(term);
                    }

                    @Override
                    public void deposed(LeaderTerm term, String reason) {
                        log.warn("Stepping down from {} of {}: {}", term, db.location(), reason);
                        follow();
                    }
                });
    }

    /** Contends at once, then every {@link #ELECTION_RETRY}. */
    public void start() {
        election.start();
        log.info("Contending for the leadership of {} every {} s", db.location(), ELECTION_RETRY.toSeconds());
    }

    /** The scheduler of the term this instance leads under, or empty while it follows. */
    public Optional<JobScheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** Who this instance is, as the leader row names it. */
    public String holder() {
        return holder;
    }

    private void lead(LeaderTerm term) {
        Database termDb = db.fencedBy(term);
        JobScheduler started = terms.start(termDb, job -> new LeaderOnlyJob(job, election));
        scheduler = started;
        openDesk(new RequestDesk(new RunRequests(termDb), started, holder, clock));
        log.info("This instance leads {} ({}): running the jobs", db.location(), term);
        terms.changed(started);
    }

    private void follow() {
        closeDesk();
        JobScheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.close();
        }
        terms.changed(null);
    }

    private void openDesk(RequestDesk requests) {
        desk = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("driftdeck-requests"));
        desk.scheduleWithFixedDelay(() -> {
            try {
                requests.servePending();
            } catch (RuntimeException e) {
                log.warn("Serving run-now requests failed; trying again in {} ms", DESK_POLL.toMillis(), e);
            }
        }, 0, DESK_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeDesk() {
        if (desk != null) {
            desk.shutdown();
            try {
                desk.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            desk = null;
        }
    }

    /** Stops contending; a leader stops its jobs (the running one is asked to stop) and releases the lock. */
    @Override
    public void close() {
        election.close();
    }
}
