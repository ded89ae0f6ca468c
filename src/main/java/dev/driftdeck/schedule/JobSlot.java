package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one job inside {@link JobScheduler}: every transition is a synchronized method,
 * and {@link #running} is the single-flight flag each entry path claims with compareAndSet. No I/O and
 * no threads here; the scheduler does those with what these methods return.
 */
final class JobSlot {

    private static final Logger log = LoggerFactory.getLogger(JobSlot.class);

    /**
     * What a tick did with this job.
     *
     * @param claimed     a scheduled run to start, else null
     * @param skipped     a due slot was skipped because the job is still running
     * @param timedOut    the current run passed its deadline: record it TIMED_OUT, else null
     * @param rescheduled the next slot moved without a run (misfire skip, clock went back): persist it
     */
    record TickDecision(RunSpec claimed, boolean skipped, JobRun timedOut, boolean rescheduled) {
        static final TickDecision NOTHING = new TickDecision(null, false, null, false);

        boolean changed() {
            return claimed != null || skipped || timedOut != null || rescheduled;
        }
    }

    /** How a run ended: the run to record (null when shutdown already recorded it) and a follow-up to start. */
    record Completion(JobRun toRecord, RunSpec followUp) {
    }

    private static final java.time.format.DateTimeFormatter LOCAL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    final JobDefinition definition;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration maxBackoff;

    private Schedule schedule;
    private Instant nextDueAt;
    private boolean paused;
    private int consecutiveFailures;
    private Instant backoffUntil;
    private boolean followUpQueued;
    private Trigger followUpTrigger;
    /** The due slot a skip was last counted for, so a long run counts one skip per slot, not per tick. */
    private Instant lastSkippedSlot;
    private long runs;
    private long failures;
    private long skippedWhileRunning;
    private long coalescedSlots;
    private long mergedRequests;
    /** The last finished run, or the current one while running. */
    private JobRun lastRun;
    private RunContext current;
    /** Monotonic start of the current run: deadlines must not fire because the wall clock jumped. */
    private long currentStartedNanos;
    /** A run recorded TIMED_OUT whose body has not returned yet; it keeps the claim until it does. */
    private RunContext hung;
    /** A daily slot missed before this start that a catch-up run stands for, and when it may start; else null. */
    private Instant catchUpSlot;
    private Instant catchUpAt;

    JobSlot(JobDefinition definition, Schedule schedule, Instant nextDueAt, boolean paused, Duration maxBackoff) {
        this.definition = definition;
        this.schedule = schedule;
        this.nextDueAt = nextDueAt;
        this.paused = paused;
        this.maxBackoff = maxBackoff;
    }

    String name() {
        return definition.name();
    }

    /**
     * Times out an overdue run, then claims a scheduled run when a slot is due (jitter included), or counts the
     * slot as skipped when the job is running.
     */
    synchronized TickDecision tick(Instant now, long nowNanos) {
        JobRun timedOut = timeOutIfOverdue(now, nowNanos);
        boolean rescheduled = false;
        Instant pulledBack = schedule.pullBack(nextDueAt, now);
        if (!pulledBack.equals(nextDueAt)) {
            log.warn("Job {} was next due at {}, more than one period after now ({}): the clock went back;"
                    + " next due at {} instead", name(), nextDueAt, now, pulledBack);
            nextDueAt = pulledBack;
            rescheduled = true;
        }
        if (!definition.enabled() || paused || backingOff(now)) {
            return new TickDecision(null, false, timedOut, rescheduled);
        }
        if (now.isBefore(startAt())) {
            return catchUpIfDue(now, timedOut, rescheduled);
        }
        DueSlots due = schedule.due(nextDueAt, now);
        if (due.skip()) {
            log.warn("Job {} missed its slot {} by more than its misfire window; next run at {}", name(),
                    due.scheduledFor(), due.nextDueAt());
            nextDueAt = due.nextDueAt();
            return catchUpIfDue(now, timedOut, true);
        }
        if (running.compareAndSet(false, true)) {
            nextDueAt = due.nextDueAt();
            coalescedSlots += due.coalesced();
            clearCatchUp(); // this run stands for the missed slot too
            return new TickDecision(new RunSpec(Trigger.SCHEDULED, due.scheduledFor(), due.coalesced()), false,
                    timedOut, rescheduled);
        }
        if (due.scheduledFor().equals(lastSkippedSlot)) {
            return new TickDecision(null, false, timedOut, rescheduled); // an earlier tick counted this slot
        }
        lastSkippedSlot = due.scheduledFor();
        skippedWhileRunning++;
        return new TickDecision(null, true, timedOut, rescheduled);
    }

    /**
     * Starts the catch-up run once its time has come. A run of the job already going (manual, or a slot) started
     * after the missed slot, so it stands for it: the catch-up is dropped rather than queued behind it.
     */
    private TickDecision catchUpIfDue(Instant now, JobRun timedOut, boolean rescheduled) {
        if (catchUpAt == null || now.isBefore(catchUpAt)) {
            return new TickDecision(null, false, timedOut, rescheduled);
        }
        Instant missed = catchUpSlot;
        clearCatchUp();
        if (!running.compareAndSet(false, true)) {
            return new TickDecision(null, false, timedOut, rescheduled);
        }
        log.info("Job {}: catching up on its missed slot {}", name(), missed);
        return new TickDecision(new RunSpec(Trigger.CATCH_UP, missed, 0), false, timedOut, rescheduled);
    }

    private void clearCatchUp() {
        catchUpSlot = null;
        catchUpAt = null;
    }

    /**
     * The daily slot a tick will never run: the latest slot at or before {@code now} when it was skipped before this
     * start (the persisted next slot is already after it) or is missed beyond its misfire window. Null for interval
     * jobs (their missed slots coalesce into one run anyway) and when the tick runs the slot itself.
     */
    synchronized Instant unrunDailySlot(Instant now) {
        if (!(schedule instanceof Schedule.DailyAt daily)) {
            return null;
        }
        Instant latest = daily.slotAtOrBefore(now);
        if (!nextDueAt.isAfter(latest) && !schedule.due(nextDueAt, now).skip()) {
            return null;
        }
        return latest;
    }

    /** Runs the job once at {@code at} for the missed {@code slot}, unless a slot or a run covers it first. */
    synchronized void catchUp(Instant slot, Instant at) {
        catchUpSlot = slot;
        catchUpAt = at;
    }

    /** The nominal next slot plus this slot's jitter: when a tick may start it. */
    private Instant startAt() {
        return nextDueAt.plus(definition.jitterFor(nextDueAt));
    }

    /**
     * Past its deadline the current run is recorded TIMED_OUT and asked to stop, but keeps the single-flight
     * claim until its body really returns: a hung AWS call must never end up running twice.
     */
    private JobRun timeOutIfOverdue(Instant now, long nowNanos) {
        Duration deadline = definition.deadline();
        if (current == null || deadline == null || nowNanos - currentStartedNanos < deadline.toNanos()) {
            return null;
        }
        JobRun timedOut = finished(lastRun, now, RunOutcome.TIMED_OUT, "The run passed its deadline of "
                + deadline.toMinutes() + " min and was asked to stop; no other " + name()
                + " run starts until it returns. If this repeats, check the network path to AWS or raise the deadline.");
        ended(timedOut);
        current.cancel();
        hung = current;
        current = null;
        log.warn("Job {} passed its deadline of {}; recorded TIMED_OUT and asked it to stop", name(), deadline);
        return timedOut;
    }

    /** The wall clock went back by {@code by}: a backoff computed before the jump must not stall the job that long. */
    synchronized void clockWentBack(Duration by) {
        if (backoffUntil != null) {
            backoffUntil = backoffUntil.minus(by);
        }
    }

    /** Moves the job onto a new schedule, re-phased from now. */
    synchronized RunStore.JobSchedule reschedule(Schedule newSchedule, Instant now) {
        schedule = newSchedule;
        nextDueAt = newSchedule.slotAfter(now);
        lastSkippedSlot = null;
        return schedule();
    }

    /** The newest run from history, so a restarted console does not say "never ran". */
    synchronized void restoreLastRun(JobRun run) {
        if (current == null && hung == null) {
            lastRun = run;
        }
    }

    /**
     * A request outside the schedule: STARTED (the caller starts it) when idle, MERGED into at most one
     * follow-up when running, BLOCKED when the job may not run. Never moves {@link #nextDueAt}.
     */
    synchronized RunNowResult request(Trigger trigger, boolean closed) {
        if (closed) {
            return RunNowResult.blocked("The scheduler is shut down.");
        }
        if (!definition.enabled()) {
            return RunNowResult.blocked("Job " + name() + " is disabled.");
        }
        if (paused) {
            return RunNowResult.blocked("Job " + name() + " is paused; resume it to run it.");
        }
        if (running.compareAndSet(false, true)) {
            return RunNowResult.started();
        }
        if (!followUpQueued) {
            followUpQueued = true;
            followUpTrigger = trigger; // the first request names the follow-up
        }
        mergedRequests++;
        return RunNowResult.merged();
    }

    /** Gives up a claim whose run could not be submitted. */
    synchronized void release() {
        followUpQueued = false;
        running.set(false);
    }

    synchronized void begin(RunContext context, JobRun run, long startedNanos) {
        clearCatchUp(); // any run of the job (run now, a slot) does the work a pending catch-up would
        current = context;
        currentStartedNanos = startedNanos;
        lastRun = run;
    }

    /**
     * The run of {@code context} ended on its own. Keeps the claim for a queued follow-up, so nothing
     * can slip in between; otherwise releases it.
     */
    synchronized Completion complete(RunContext context, RunOutcome outcome, String error, Instant finishedAt,
                                     boolean closed) {
        JobRun toRecord = null;
        if (current == context) { // else shutdown recorded it CANCELLED already
            toRecord = finished(lastRun, finishedAt, outcome, error);
            ended(toRecord);
        }
        current = null;
        if (hung == context) {
            log.info("Job {}: the run that timed out has returned; the job may run again", name());
            hung = null;
        }
        RunSpec followUp = null;
        if (followUpQueued && !closed && !paused && definition.enabled()) {
            followUp = new RunSpec(followUpTrigger, finishedAt, 0);
        } else {
            running.set(false);
        }
        followUpQueued = false;
        return new Completion(toRecord, followUp);
    }

    /** Shutdown gave up waiting: the current run, if any, ends CANCELLED now. */
    synchronized JobRun cancelIfRunning(Instant now, String error) {
        if (current == null) {
            return null;
        }
        JobRun cancelled = finished(lastRun, now, RunOutcome.CANCELLED, error);
        ended(cancelled);
        current = null;
        return cancelled;
    }

    synchronized void askToStop() {
        if (current != null) {
            current.cancel();
        }
    }

    synchronized void setPaused(boolean paused) {
        this.paused = paused;
    }

    synchronized RunStore.JobSchedule schedule() {
        return new RunStore.JobSchedule(nextDueAt, paused, ScheduleSpec.format(schedule));
    }

    /** When the job next starts by itself: its next slot, or a catch-up run before it. */
    private Instant nextStart() {
        Instant slot = startAt();
        return catchUpAt != null && catchUpAt.isBefore(slot) ? catchUpAt : slot;
    }

    synchronized JobStatus snapshot(Instant now, boolean closed, long sequence) {
        JobCounters counters = new JobCounters(runs, failures, skippedWhileRunning, coalescedSlots, mergedRequests);
        if (!definition.enabled()) {
            return status(JobState.DISABLED, null, counters, null, sequence);
        }
        if (current != null) {
            return status(JobState.RUNNING, startAt(), counters, null, sequence);
        }
        if (hung != null) {
            return status(JobState.RUNNING, startAt(), counters, "The last run timed out and was asked to stop;"
                    + " no other run starts until it returns.", sequence);
        }
        if (closed) {
            return status(JobState.BLOCKED, null, counters, "The scheduler is shut down.", sequence);
        }
        if (paused) {
            return status(JobState.PAUSED, null, counters, null, sequence);
        }
        if (backingOff(now)) {
            Instant next = backoffUntil.isAfter(startAt()) ? backoffUntil : startAt();
            return status(JobState.BACKING_OFF, next, counters,
                    consecutiveFailures + " consecutive failure(s); no scheduled attempt before "
                            + LOCAL_TIME.format(backoffUntil) + ". Run now still works.", sequence);
        }
        return status(JobState.IDLE, nextStart(), counters, null, sequence);
    }

    private JobStatus status(JobState state, Instant next, JobCounters counters, String reason, long sequence) {
        return new JobStatus(name(), state, lastRun, next, counters, followUpQueued, reason, schedule, paused, sequence);
    }

    private boolean backingOff(Instant now) {
        return backoffUntil != null && now.isBefore(backoffUntil);
    }

    private void ended(JobRun run) {
        lastRun = run;
        runs++;
        switch (run.outcome()) {
            case FAILED, TIMED_OUT -> {
                failures++;
                consecutiveFailures++;
                backoffUntil = run.finishedAt().plus(Backoff.after(consecutiveFailures, schedule.period(), maxBackoff));
            }
            case SUCCEEDED, PARTIAL -> {
                consecutiveFailures = 0;
                backoffUntil = null;
            }
            case CANCELLED, ABANDONED -> {
                // Stopped from outside: says nothing about the job's health, so backoff stays as it was.
            }
        }
    }

    private static JobRun finished(JobRun started, Instant finishedAt, RunOutcome outcome, String error) {
        return new JobRun(started.id(), started.job(), started.trigger(), started.scheduledFor(), started.startedAt(),
                finishedAt, outcome, error, started.coalescedSlots());
    }
}
