package dev.driftdeck.scan;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.JobFailedException;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scheduler's {@code drift-scan} job: scan with the console's current settings and store the result in one
 * transaction. A scan whose state source or AWS listing failed is stored but reported PARTIAL, so the operator
 * sees both the findings and that some of them could not be checked. A scan in which no AWS listing succeeded
 * checked nothing: it is not stored (the console keeps showing the last scan that checked something) and the run
 * is FAILED with the reason, as the CLI exits 2 for it.
 */
public final class DriftScanJob implements Job {

    public static final String NAME = "drift-scan";

    private final ScanService scans;
    private final Supplier<ScanRequest> requests;
    /** The database's rules, read at each run; null when the request names its own file (serve with options). */
    private final IgnoreRuleRepository ignoreRules;
    private final ScanRepository repository;
    private final ScanEvents events;

    /** Scans with the settings and ignore rules in the database as they are at each run. */
    public DriftScanJob(ScanService scans, SettingsRepository settings, ScanRepository repository, ScanEvents events,
                        IgnoreRuleRepository ignoreRules) {
        this(scans, () -> fromSettings(settings.load(), settings.cloudTrail()), ignoreRules, repository, events);
    }

    /** Scans what {@code requests} says at each run ({@code driftdeck serve} with scan options). */
    public DriftScanJob(ScanService scans, Supplier<ScanRequest> requests, ScanRepository repository,
                        ScanEvents events) {
        this(scans, requests, null, repository, events);
    }

    private DriftScanJob(ScanService scans, Supplier<ScanRequest> requests, IgnoreRuleRepository ignoreRules,
                         ScanRepository repository, ScanEvents events) {
        this.scans = scans;
        this.requests = requests;
        this.ignoreRules = ignoreRules;
        this.repository = repository;
        this.events = events;
    }

    private static ScanRequest fromSettings(ConsoleSettings current, String cloudTrail) {
        return new ScanRequest(current.stateUris(), current.regions(), current.profile(),
                current.endpointUrl(), current.strict(), null, List.of(), cloudTrail);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunOutcome run(JobContext context) {
        ScanRequest request = requests.get();
        ScanReport report;
        try {
            // the newest stored scan tells since when each drifted resource was in sync: who changed it is looked up after
            report = ignoreRules == null
                    ? scans.scan(request, events::progress, context::cancelled, repository.priorFindings())
                    : scans.scan(request, ignoreRules.rules(), events::progress, context::cancelled,
                    repository.priorFindings());
        } catch (ScanCancelledException stopped) {
            return RunOutcome.CANCELLED;
        }
        if (context.cancelled()) {
            return RunOutcome.CANCELLED;
        }
        Optional<String> nothingChecked = report.nothingCheckedMessage();
        if (nothingChecked.isPresent()) {
            throw new JobFailedException(nothingChecked.get());
        }
        long id = repository.save(report);
        events.stored(id);
        return report.incomplete() ? RunOutcome.PARTIAL : RunOutcome.SUCCEEDED;
    }
}
