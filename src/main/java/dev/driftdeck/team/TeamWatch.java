package dev.driftdeck.team;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.ScanNotices;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.ScanSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a console on a shared database learns from the others, within seconds: who leads (and whether that is this
 * console), the scans the leader stores, and, while following, the leader's jobs. One {@link #check()} reads all of
 * it; it runs every {@code poll} (the floor: nothing is missed for longer) and at once when PostgreSQL announces a
 * stored scan ({@link ScanNotices}, {@code LISTEN driftdeck}: only a hint, never replayed after a disconnect).
 */
public final class TeamWatch implements AutoCloseable {

    /** The polling floor: a new scan or a new leader shows within this even when no notification arrives. */
    public static final Duration POLL = Duration.ofSeconds(5);
    /** How long one wait for notifications blocks, so closing never waits longer. */
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TeamWatch.class);

    private final Database db;
    private final ScanRepository scans;
    private final TeamScheduler scheduler;
    private final ScheduledExecutorService poller;
    private final ScheduledExecutorService listener;
    private final Duration poll;
    private final Clock clock;
    private final List<Consumer<Long>> storedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Leadership>> leadershipListeners = new CopyOnWriteArrayList<>();
    private volatile Leadership leadership;
    private Long newestScan;
    private ScanNotices notices;
    private Instant listenAgainAt = Instant.MIN;

    /**
     * @param poller   runs {@link #check()}, one at a time; owned (shut down) by this watch
     * @param listener waits for notifications; owned by this watch
     */
    public TeamWatch(Database db, TeamScheduler scheduler, ScheduledExecutorService poller,
                     ScheduledExecutorService listener, Duration poll, Clock clock) {
        this.db = db;
        this.scans = new ScanRepository(db);
        this.scheduler = scheduler;
        this.poller = poller;
        this.listener = listener;
        this.poll = poll;
        this.clock = clock;
    }

    /** Checks at once, then every {@code poll}, and whenever a stored scan is announced. */
    public void start() {
        poller.scheduleWithFixedDelay(this::checkSafely, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        listener.scheduleWithFixedDelay(this::listenOnce, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** A check as soon as the poller is free (this console's role just changed). */
    public void checkSoon() {
        try {
            poller.execute(this::checkSafely);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** The scans stored by anyone, by id, each announced once, newest only when several came at once. */
    public AutoCloseable onScanStored(Consumer<Long> listener) {
        storedListeners.add(listener);
        return () -> storedListeners.remove(listener);
    }

    /** Who leads, at once when known, then at every change. */
    public AutoCloseable onLeadership(Consumer<Leadership> listener) {
        leadershipListeners.add(listener);
        Leadership known = leadership;
        if (known != null) {
            listener.accept(known);
        }
        return () -> leadershipListeners.remove(listener);
    }

    /** One round: who leads, the newest stored scan, and a follower's view of the leader's jobs. */
    public synchronized void check() {
        LeaderStatus leader = LeaderLock.status(db);
        scheduler.leaderIs(leader);
        Leadership now = new Leadership(scheduler.leads(), leader);
        if (!now.equals(leadership)) {
            leadership = now;
            leadershipListeners.forEach(l -> tell(l, now));
        }
        long newest = scans.recent(1).stream().mapToLong(ScanSummary::id).findFirst().orElse(0);
        if (newestScan != null && newest > newestScan) {
            storedListeners.forEach(l -> tell(l, newest));
        }
        newestScan = newestScan == null ? newest : Math.max(newestScan, newest);
        scheduler.refresh();
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // The database may be restarting; the next round reads everything again.
            log.warn("Reading the team's state from {} failed; trying again in {} s: {}", db.location(),
                    poll.toSeconds(), e.getMessage());
        }
    }

    /** One wait for notifications (a fresh session after a lost one, at most every {@code poll}). */
    private void listenOnce() {
        try {
            if (notices == null) {
                if (clock.instant().isBefore(listenAgainAt)) {
                    return;
                }
                notices = ScanNotices.listen(db);
                checkSoon(); // nothing is replayed: what was announced while not listening is read now
            }
            if (!notices.await(LISTEN_WAIT).isEmpty()) {
                checkSoon();
            }
        } catch (RuntimeException e) {
            log.warn("Listening for new scans on {} failed ({}); reading it every {} s meanwhile", db.location(),
                    e.getMessage(), poll.toSeconds());
            if (notices != null) {
                notices.close();
                notices = null;
            }
            listenAgainAt = clock.instant().plus(poll);
        }
    }

    private static <T> void tell(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            log.warn("A team listener failed on {}", value, e);
        }
    }

    @Override
    public void close() {
        poller.shutdown();
        listener.shutdown();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
            listener.awaitTermination(LISTEN_WAIT.toMillis() * 5, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (notices != null) {
            notices.close();
            notices = null;
        }
    }
}
