package dev.driftdeck.schedule;

/**
 * A filter over the run history.
 *
 * @param job     only this job's runs, or null for every job
 * @param outcome only runs that ended so, or null for any (running ones included)
 * @param limit   at most this many, newest first
 */
public record RunQuery(String job, RunOutcome outcome, int limit) {

    public RunQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("A run query needs a limit of at least 1, was " + limit);
        }
    }
}
