package dev.driftdeck.team;

import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.JobFailedException;
import dev.driftdeck.schedule.RunOutcome;

/** A job that runs only while its instance still leads: the lock connection is checked before the body starts. */
public final class LeaderOnlyJob implements Job {

    private final Job job;
    private final LeaderElection election;

    public LeaderOnlyJob(Job job, LeaderElection election) {
        this.job = job;
        this.election = election;
    }

    @Override
    public String name() {
        return job.name();
    }

    @Override
    public RunOutcome run(JobContext context) throws Exception {
        if (!election.confirm()) {
            throw new JobFailedException("This Driftdeck is no longer the leader (its lock connection to the database"
                    + " failed), so it did not run " + job.name() + "; the instance that leads now runs it.");
        }
        return job.run(context);
    }
}
