package dev.driftdeck.schedule;

/** What a running job can ask its scheduler. */
public interface JobContext {

    Trigger trigger();

    /** True once shutdown (or a deadline) asked this run to stop. */
    boolean cancelled();
}
