package dev.driftdeck.team;

import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.store.RunRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Run now" across instances. A follower files a request row ({@link #ask}) and waits for the answer; the leader
 * serves every pending request ({@link #servePending}) through its scheduler, with the same STARTED / MERGED /
 * BLOCKED semantics as a click on its own console, and writes the answer back (a fenced leader write).
 */
public final class RequestDesk {

    private static final Logger log = LoggerFactory.getLogger(RequestDesk.class);

    private final RunRequests requests;
    private final SchedulerControl scheduler;
    private final String servedBy;
    private final Clock clock;

    /** The leader's desk: {@code requests} over the term's fenced database, {@code scheduler} the term's. */
    public RequestDesk(RunRequests requests, SchedulerControl scheduler, String servedBy, Clock clock) {
        this.requests = requests;
        this.scheduler = scheduler;
        this.servedBy = servedBy;
        this.clock = clock;
    }

    /** Serves each pending request once, oldest first; returns how many were answered. */
    public int servePending() {
        int served = 0;
        for (RunRequests.Pending pending : requests.pending()) {
            RunNowResult result = scheduler.runNow(pending.job());
            if (requests.answer(pending.id(), result, servedBy, clock.instant())) {
                served++;
                log.info("Run-now request {} for {} from {}: {}", pending.id(), pending.job(), pending.requestedBy(),
                        result.kind() + (result.reason() == null ? "" : " (" + result.reason() + ")"));
            }
        }
        return served;
    }

    /**
     * A follower's "run now": files the request, then reads the answer every {@code poll} until {@code wait} is over.
     *
     * @return the leader's answer, or empty when no leader answered in time (none leads, or it is busy dying)
     */
    public static Optional<RunRequests.Answer> ask(RunRequests requests, String job, String requestedBy, Clock clock,
                                                    Duration wait, Duration poll) throws InterruptedException {
        long id = requests.request(job, requestedBy, clock.instant());
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            Optional<RunRequests.Answer> answer = requests.answerTo(id);
            if (answer.isPresent() || !clock.instant().isBefore(deadline)) {
                return answer;
            }
            Thread.sleep(poll);
        }
    }
}
