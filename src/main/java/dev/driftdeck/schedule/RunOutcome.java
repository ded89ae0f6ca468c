package dev.driftdeck.schedule;

/** How one run of a job ended. */
public enum RunOutcome { SUCCEEDED, FAILED, PARTIAL, CANCELLED, TIMED_OUT, ABANDONED }
