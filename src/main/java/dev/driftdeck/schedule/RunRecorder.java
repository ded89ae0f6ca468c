package dev.driftdeck.schedule;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes run history and schedules through the {@link RunStore}. A database hiccup is logged, never
 * thrown: losing one history row is better than a job that cannot run or a claim that is never released.
 */
final class RunRecorder {

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final RunStore store;

    RunRecorder(RunStore store) {
        this.store = store;
    }

    /** @return the run id, or 0 when the start could not be recorded */
    long started(String job, RunSpec spec, Instant startedAt) {
        try {
            return store.runStarted(job, spec.trigger(), spec.scheduledFor(), startedAt, spec.coalescedSlots());
        } catch (RuntimeException e) {
            log.error("Could not record the start of a {} run; running it anyway", job, e);
            return 0;
        }
    }

    void ended(JobRun run) {
        if (run.id() == 0) {
            return; // its start could not be recorded either
        }
        try {
            store.runFinished(run.id(), run.finishedAt(), run.outcome(), run.error());
        } catch (RuntimeException e) {
            log.error("Could not record the end of {} run {} ({})", run.job(), run.id(), run.outcome(), e);
        }
    }

    void schedule(String job, RunStore.JobSchedule schedule) {
        try {
            store.saveSchedule(job, schedule);
        } catch (RuntimeException e) {
            log.error("Could not persist the schedule of {}; it holds until restart", job, e);
        }
    }
}
