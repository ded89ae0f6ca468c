package dev.driftdeck.schedule;

/** The context of one run; cancelled when the scheduler shuts down. */
final class RunContext implements JobContext {

    private final Trigger trigger;
    private volatile boolean cancelled;

    RunContext(Trigger trigger) {
        this.trigger = trigger;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }
}
