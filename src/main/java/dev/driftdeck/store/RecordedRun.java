package dev.driftdeck.store;

import dev.driftdeck.schedule.JobRun;

/**
 * A run from the history with the instance that ran it.
 *
 * @param instance {@code host:pid} of the process that ran it, or null for runs recorded before team mode (V8)
 */
public record RecordedRun(JobRun run, String instance) {
}
