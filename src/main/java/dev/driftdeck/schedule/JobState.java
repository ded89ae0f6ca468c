package dev.driftdeck.schedule;

/** What a job is doing now, as the scheduler panel shows it. */
public enum JobState { IDLE, RUNNING, PAUSED, BACKING_OFF, DISABLED, BLOCKED }
