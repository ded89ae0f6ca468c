package dev.driftdeck.team;

import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderTerm;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler per shared database: every instance contends for the {@link LeaderLock} every {@code retry}; the
 * one that gets it starts its term ({@link Role#elected}), checks its lock connection at every step and before each
 * job ({@link #confirm()}), and on losing it ends the term ({@link Role#deposed}) before contending again. A follower
 * whose leader died takes over at its next step, so within {@code retry} plus the server noticing the dead session.
 */
public final class LeaderElection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

    /** What an instance does when its term starts and ends; both are called on the election's thread. */
    public interface Role {

        /** This instance leads from now on, under {@code term}: start the jobs. */
        void elected(LeaderTerm term);

        /** The term ended ({@code reason} says why): stop every job of it; their writes are refused already. */
        void deposed(LeaderTerm term, String reason);
    }

    private final LeaderLock lock;
    private final ScheduledExecutorService executor;
    private final Duration retry;
    private final Role role;
    private volatile LeaderTerm current;
    private volatile boolean closed;

    /**
     * @param executor runs the election's steps (one thread); owned (shut down) by this election
     * @param retry    how often a follower tries for the lock and a leader checks its connection
     */
    public LeaderElection(LeaderLock lock, ScheduledExecutorService executor, Duration retry, Role role) {
        this.lock = lock;
        this.executor = executor;
        this.retry = retry;
        this.role = role;
    }

    /** Contends at once, then every {@code retry}. */
    public void start() {
        executor.scheduleWithFixedDelay(this::stepSafely, 0, retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The term this instance leads under, if it leads. */
    public Optional<LeaderTerm> term() {
        return Optional.ofNullable(current);
    }

    /**
     * Before each job: is this instance still the leader ({@code SELECT 1} on its lock connection)? When not, the
     * term is ended at once on the election's thread, and the caller must not run the job.
     */
    public boolean confirm() {
        LeaderTerm term = current;
        if (term != null && lock.holds(term)) {
            return true;
        }
        try {
            executor.execute(this::stepSafely);
        } catch (RejectedExecutionException e) {
            // closing: the term ends in close()
        }
        return false;
    }

    /** One round: a leader checks its lock and steps down when it lost it; a follower tries to take the lock. */
    void step() {
        if (closed) {
            return;
        }
        LeaderTerm term = current;
        if (term != null) {
            if (lock.holds(term)) {
                return;
            }
            current = null;
            log.warn("Lost the leadership ({}): stopping every job, then contending again", term);
            role.deposed(term, "this instance lost its lock connection to the database");
        }
        Optional<LeaderTerm> won = lock.tryAcquire();
        if (won.isEmpty()) {
            return;
        }
        current = won.get();
        try {
            role.elected(won.get());
        } catch (RuntimeException e) {
            log.error("Could not start the jobs of {}; giving the leadership up", won.get(), e);
            current = null;
            role.deposed(won.get(), "its jobs could not start: " + e.getMessage());
            lock.release();
        }
    }

    private void stepSafely() {
        try {
            step();
        } catch (Throwable e) {
            // A throw out of a fixed-delay task would silently end the loop.
            log.error("Leader election step failed; it runs again in {}", retry, e);
        }
    }

    /** Stops contending, ends the term if this instance leads (its jobs stop), and unlocks. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The leader election's step did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LeaderTerm term = current;
        current = null;
        if (term != null) {
            role.deposed(term, "this instance is shutting down");
        }
        lock.release();
    }
}
