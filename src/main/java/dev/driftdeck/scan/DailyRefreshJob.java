package dev.driftdeck.scan;

import dev.driftdeck.aws.AccountRegions;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.MaintenanceRepository;
import dev.driftdeck.store.MaintenanceRepository.AwsAccount;
import dev.driftdeck.store.MaintenanceRepository.Retention;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's {@code daily-refresh} job: the AWS account and its enabled regions (read-only: STS
 * GetCallerIdentity, EC2 DescribeRegions) with the console's AWS settings; history retention (scans, runs, state
 * snapshots); database statistics.
 * Each step runs even when an earlier one failed (an expired token must not stop the pruning); the run then fails
 * naming what failed and what was done.
 */
public final class DailyRefreshJob implements Job {

    public static final String NAME = "daily-refresh";

    private static final Logger log = LoggerFactory.getLogger(DailyRefreshJob.class);

    private final SettingsRepository settings;
    private final MaintenanceRepository maintenance;
    private final ScanRepository scans;
    private final JdbcRunStore runs;
    private final StateSnapshotRepository snapshots;
    private final Function<AwsTarget, AwsSession> sessions;
    private final Clock clock;

    public DailyRefreshJob(SettingsRepository settings, MaintenanceRepository maintenance, ScanRepository scans,
                           JdbcRunStore runs, StateSnapshotRepository snapshots, Function<AwsTarget, AwsSession> sessions,
                           Clock clock) {
        this.settings = settings;
        this.maintenance = maintenance;
        this.scans = scans;
        this.runs = runs;
        this.snapshots = snapshots;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunOutcome run(JobContext context) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        step("AWS account check", failed, () -> done.add(refreshAccount()));
        if (context.cancelled()) {
            return RunOutcome.CANCELLED;
        }
        step("retention pruning", failed, () -> done.add(prune()));
        if (context.cancelled()) {
            return RunOutcome.CANCELLED;
        }
        step("database statistics", failed, () -> {
            maintenance.analyze();
            done.add("database statistics refreshed");
        });
        if (!failed.isEmpty()) {
            throw new DailyRefreshException(String.join("; ", failed) + ". Done: "
                    + (done.isEmpty() ? "nothing" : String.join("; ", done)) + ".");
        }
        log.info("Daily refresh: {}", String.join("; ", done));
        return RunOutcome.SUCCEEDED;
    }

    private String refreshAccount() {
        ConsoleSettings current = settings.load();
        ScanRequest request = new ScanRequest(List.of(), current.regions(), current.profile(), current.endpointUrl(),
                false, null);
        String home = Regions.resolve(request).getFirst();
        try (AwsSession session = sessions.apply(new AwsTarget(current.profile(), home, current.endpointUrl()))) {
            AccountRegions account = AccountRegions.of(session, home);
            maintenance.saveAwsAccount(new AwsAccount(account.account(), account.arn(), account.regions(), clock.instant()));
            return "account " + account.account() + " with " + account.regions().size() + " enabled region(s)";
        }
    }

    private String prune() {
        Retention retention = maintenance.retention();
        Instant cutoff = clock.instant().minus(retention.maxAge());
        int scansDeleted = scans.prune(cutoff, retention.maxScans());
        int runsDeleted = runs.prune(cutoff, retention.maxRunsPerJob());
        // After the scans: a snapshot only a pruned scan used goes now too (each object's newest always stays).
        int snapshotsDeleted = snapshots.prune(cutoff);
        return "pruned " + scansDeleted + " scan(s), " + runsDeleted + " run(s) and " + snapshotsDeleted
                + " state snapshot(s)";
    }

    private static void step(String what, List<String> failed, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            log.warn("Daily refresh: {} failed", what, e);
            failed.add(what + " failed: " + e.getMessage());
        }
    }

    /** One or more steps failed; the message says which, and what was done anyway. */
    static final class DailyRefreshException extends RuntimeException {
        DailyRefreshException(String message) {
            super(message);
        }
    }
}
