package dev.driftdeck.team;

import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RecordedStatuses;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.RunStore;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.store.InstanceName;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.RunRequests;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console's scheduler on a shared database, whichever role it has. While it leads: its term's scheduler, as is.
 * While it follows: the leader's jobs read back from the database ({@link RecordedStatuses}), refreshed by the
 * {@link TeamWatch}, and "Run now" filed as a request the leader serves ({@link RequestDesk#ask}), answered
 * STARTED or MERGED with who served it. Snapshots of both roles are numbered in one sequence, so the console never
 * drops a new term's snapshots as older than the follower's.
 */
public final class TeamScheduler implements SchedulerControl {

    private static final Logger log = LoggerFactory.getLogger(TeamScheduler.class);
    private static final Duration ASK_POLL = Duration.ofMillis(250);
    /** How far the leader's clock may lag the database's and its first runs still count as its term's. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final RunStore records;
    private final Map<String, Schedule> defaults;
    private final RunRequests requests;
    private final String me;
    private final String database;
    private final Clock clock;
    private final Duration wait;
    private final List<Consumer<List<JobStatus>>> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** The highest sequence handed out. */
    private long issued;
    /** Added to the sequences of the leading term's scheduler, which start again at 1 with each term. */
    private long termOffset;
    private SchedulerControl leading;
    private AutoCloseable termSubscription;
    private volatile LeaderStatus leader;

    /**
     * @param records  the database's run history and schedules (read only here)
     * @param defaults every job's name and default schedule, in the order shown
     * @param requests where a follower files its run-now requests
     * @param me       this instance ({@code user@host:pid}), named on its requests
     * @param database the database, as messages name it
     * @param wait     how long a follower waits for the leader's answer (the take-over bound)
     */
    public TeamScheduler(RunStore records, Map<String, Schedule> defaults, RunRequests requests, String me,
                         String database, Clock clock, Duration wait) {
        this.records = records;
        this.defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults)); // in order
        this.requests = requests;
        this.me = me;
        this.database = database;
        this.clock = clock;
        this.wait = wait;
    }

    /**
     * This instance now leads with {@code scheduler} (its term's), or follows again ({@code null}). Listeners get
     * the new role's snapshot at once.
     */
    public void lead(SchedulerControl scheduler) {
        AutoCloseable previous;
        synchronized (lock) {
            previous = termSubscription;
            termSubscription = null;
            leading = scheduler;
            termOffset = issued;
        }
        closeQuietly(previous);
        if (scheduler == null) {
            refresh();
            return;
        }
        long offset;
        synchronized (lock) {
            offset = termOffset;
        }
        AutoCloseable subscription = scheduler.subscribe(statuses -> {
            if (leading == scheduler) {
                publish(renumbered(statuses, offset));
            }
        });
        synchronized (lock) {
            if (leading == scheduler) {
                termSubscription = subscription;
                subscription = null;
            }
        }
        closeQuietly(subscription);
    }

    /** Whether this instance leads now. */
    public boolean leads() {
        return leading != null;
    }

    /** The watch's latest reading of who leads; a follower's cards say when no one does. */
    public void leaderIs(LeaderStatus status) {
        leader = status;
    }

    /** A follower re-reads the leader's jobs and tells the listeners; a leader's scheduler publishes by itself. */
    public void refresh() {
        if (leading == null) {
            publish(statuses());
        }
    }

    @Override
    public List<JobStatus> statuses() {
        SchedulerControl scheduler;
        long offset;
        synchronized (lock) {
            scheduler = leading;
            offset = termOffset;
        }
        if (scheduler != null) {
            return renumbered(scheduler.statuses(), offset);
        }
        LeaderStatus known = leader;
        boolean alive = known == null || known.held();
        List<JobStatus> recorded = RecordedStatuses.read(records, defaults, alive, noLeader(known), 0, term(known));
        synchronized (lock) {
            long sequence = ++issued;
            return recorded.stream().map(status -> withSequence(status, sequence)).toList();
        }
    }

    @Override
    public RunNowResult runNow(String job) {
        SchedulerControl scheduler = leading;
        if (scheduler != null) {
            return scheduler.runNow(job);
        }
        try {
            Optional<RunRequests.Answer> answer = RequestDesk.ask(requests, job, me, clock, wait, ASK_POLL);
            if (answer.isEmpty()) {
                return RunNowResult.blocked("No Driftdeck leading " + database + " answered within "
                        + wait.toSeconds() + " s (none leads it right now, or it is being replaced). The request"
                        + " stays filed: the next leader serves it.");
            }
            RunNowResult result = answer.get().result();
            log.info("Run-now of {} asked of the leader of {}: {} by {}", job, database, result.kind(),
                    answer.get().servedBy());
            return new RunNowResult(result.kind(), result.reason(), answer.get().servedBy());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunNowResult.blocked("The console was closing while it waited for the leader's answer.");
        }
    }

    @Override
    public void pause(String job) {
        leaderOnly(job).pause(job);
    }

    @Override
    public void resume(String job) {
        leaderOnly(job).resume(job);
    }

    @Override
    public void reschedule(String job, Schedule schedule) {
        leaderOnly(job).reschedule(job, schedule);
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<JobStatus>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private SchedulerControl leaderOnly(String job) {
        SchedulerControl scheduler = leading;
        if (scheduler == null) {
            LeaderStatus known = leader;
            String who = known == null || known.holder() == null ? "the leader" : known.holder();
            throw new IllegalStateException("This console follows " + who + " on " + database + ": the schedule of "
                    + job + " is changed where the jobs run, in the leading console (or with serve's --every).");
        }
        return scheduler;
    }

    private void publish(List<JobStatus> statuses) {
        for (Consumer<List<JobStatus>> listener : listeners) {
            try {
                listener.accept(statuses);
            } catch (RuntimeException e) {
                log.warn("A scheduler status listener failed", e);
            }
        }
    }

    private List<JobStatus> renumbered(List<JobStatus> statuses, long offset) {
        List<JobStatus> copy = new ArrayList<>(statuses.size());
        synchronized (lock) {
            for (JobStatus status : statuses) {
                long sequence = offset + status.sequence();
                issued = Math.max(issued, sequence);
                copy.add(withSequence(status, sequence));
            }
        }
        return List.copyOf(copy);
    }

    private static JobStatus withSequence(JobStatus s, long sequence) {
        return new JobStatus(s.job(), s.state(), s.lastRun(), s.nextRunAt(), s.counters(), s.followUpQueued(),
                s.blockedReason(), s.schedule(), s.paused(), sequence);
    }

    /**
     * The leader's term, whose runs its cards count: runs recorded by its process since it took over, less
     * {@link #CLOCK_SKEW}, because {@code since} is the database's clock and a run's start the leader's.
     */
    private static RecordedStatuses.Term term(LeaderStatus known) {
        if (known == null || known.holder() == null || known.since() == null) {
            return null;
        }
        return new RecordedStatuses.Term(InstanceName.hostPidOf(known.holder()), known.since().minus(CLOCK_SKEW));
    }

    private String noLeader(LeaderStatus known) {
        String last = known == null || known.holder() == null ? "" : " (" + known.holder() + " led last)";
        return "No Driftdeck leads " + database + " right now" + last + "; one of the team takes over within 15 s.";
    }

    private static void closeQuietly(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("Unsubscribing from a term's scheduler failed", e);
        }
    }
}
