package dev.driftdeck.scan;

import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.Collector;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.ListingListener;
import dev.driftdeck.aws.ListingStoppedException;
import dev.driftdeck.aws.ManagedState;
import dev.driftdeck.aws.TrailLogBucket;
import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.state.LoadedState;
import dev.driftdeck.state.StateAccess;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.state.StateSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation, start to end: read the state sources, list AWS, reconcile. The CLI, the scheduled
 * {@code drift-scan} job and "Scan now" all come through here; storing the result is the caller's business.
 */
public final class ScanService {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);
    private static final int STEPS = 3;

    private final Clock clock;
    private final StateLoader stateLoader;
    private final Function<AwsTarget, AwsSession> sessions;
    private final AwsScanner scanner;
    private final ChangeAttribution attribution;

    public ScanService(Clock clock, StateLoader stateLoader, Function<AwsTarget, AwsSession> sessions, AwsScanner scanner) {
        this.clock = clock;
        this.stateLoader = stateLoader;
        this.sessions = sessions;
        this.scanner = scanner;
        this.attribution = new ChangeAttribution(clock);
    }

    /** The production wiring: the default credential chain or the request's profile, real AWS or its endpoint. */
    public static ScanService standard(Clock clock) {
        return new ScanService(clock, StateLoaders.standard(new StateCache()), AwsSession::open, new AwsScanner());
    }

    /** As {@link #standard(Clock)} reading states through {@code stateLoader} (the desktop shares its cache). */
    public static ScanService standard(Clock clock, StateLoader stateLoader) {
        return new ScanService(clock, stateLoader, AwsSession::open, new AwsScanner());
    }

    /**
     * Runs the scan.
     *
     * @throws ScanConfigurationException when the request cannot run at all (no region, no state source...)
     * @throws ScanCancelledException     when {@code cancelled} turned true: it is checked between steps, between
     *                                    accounts, between scopes and before every AWS call
     */
    public ScanReport scan(ScanRequest request, ScanProgress.Listener progress, BooleanSupplier cancelled) {
        return scan(request, readIgnoreRules(request), progress, cancelled, Map.of());
    }

    /** {@link #scan(ScanRequest, ScanProgress.Listener, BooleanSupplier)} applying {@code ignore} (the database's). */
    public ScanReport scan(ScanRequest request, IgnoreRules ignore, ScanProgress.Listener progress,
                           BooleanSupplier cancelled) {
        return scan(request, ignore, progress, cancelled, Map.of());
    }

    /**
     * As {@link #scan(ScanRequest, ScanProgress.Listener, BooleanSupplier)}, with what the newest stored scan said
     * about each resource: who changed a drifted resource is looked up since it was last seen in sync.
     */
    public ScanReport scan(ScanRequest request, ScanProgress.Listener progress, BooleanSupplier cancelled,
                           Map<ResourceKey, PriorFinding> history) {
        return scan(request, readIgnoreRules(request), progress, cancelled, history);
    }

    /** The scan applying {@code ignore}, looking up who changed each drift since {@code history} saw it in sync. */
    public ScanReport scan(ScanRequest request, IgnoreRules ignore, ScanProgress.Listener progress,
                           BooleanSupplier cancelled, Map<ResourceKey, PriorFinding> history) {
        Instant started = clock.instant();
        Regions.checkProfile(request);
        if (request.cloudTrail() != null) {
            try {
                TrailLogBucket.checkUri(request.cloudTrail());
            } catch (IllegalArgumentException e) {
                throw new ScanConfigurationException(e.getMessage());
            }
        }
        List<String> regions = Regions.resolve(request);

        progress.onProgress(new ScanProgress("Reading " + request.stateUris().size() + " state source(s)", 0, STEPS));
        List<StateSnapshot> snapshots = new ArrayList<>();
        List<SourceSummary> sources = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (LoadedState loaded : stateLoader.load(request.stateUris(),
                new StateAccess(request.profile(), regions.getFirst(), request.endpointUrl()))) {
            switch (loaded) {
                case LoadedState.Loaded ok -> {
                    snapshots.add(ok.snapshot());
                    sources.add(new SourceSummary(ok.uri(), ok.snapshot().serial(), ok.snapshot().lineage(),
                            ok.snapshot().resources().size(), null));
                }
                case LoadedState.Failed failed -> {
                    sources.add(new SourceSummary(failed.uri(), null, null, 0, failed.message()));
                    alerts.add(new Alert(null, null, null, failed.message(), null));
                }
            }
        }
        checkCancelled(cancelled);

        List<Collector> collectors = Collectors.all().stream()
                .filter(collector -> !ignore.ignoresWholeType(collector.type()))
                .toList();
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(snapshots));
        List<AccountTarget> targets = request.targets();
        progress.onProgress(new ScanProgress("Listing %d resource type(s) in %s for %d account(s)".formatted(
                collectors.size(), String.join(", ", regions), targets.size()), 1, STEPS));
        ScanReport report;
        List<ListingOutcome> outcomes = new ArrayList<>();
        Map<String, Long> apiCalls = new TreeMap<>();
        // Open until who changed the drift is looked up, with the credentials that listed each account.
        Map<String, AwsSession> byAccount = new LinkedHashMap<>();
        List<AwsSession> opened = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                AccountTarget account = targets.get(i);
                AwsTarget target = new AwsTarget(account.profile(), regions.getFirst(), request.endpointUrl(),
                        account.roleArn(), account.externalId());
                AwsSession session = sessions.apply(target);
                opened.add(session);
                try {
                    session.stopWhen(cancelled); // checked between scopes and before every AWS call (each page)
                    LiveInventory listed = scanner.scan(session, regions, collectors, request.strict(), managed,
                            listingProgress(progress, i, targets.size()));
                    outcomes.addAll(listed.outcomes());
                    listed.apiCalls().forEach((service, calls) -> apiCalls.merge(service, calls, Long::sum));
                    listed.outcomes().stream().filter(outcome -> outcome instanceof ListingOutcome.Listed).findFirst()
                            .ifPresent(outcome -> byAccount.putIfAbsent(outcome.scope().account(), session));
                } catch (ListingStoppedException stopped) {
                    log.info("Scan stopped while listing AWS: {}", stopped.getMessage());
                }
                checkCancelled(cancelled);
            }
            LiveInventory inventory = new LiveInventory(outcomes, apiCalls);

            progress.onProgress(new ScanProgress("Reconciling", 2, STEPS));
            Reconciliation result = reconciler.reconcile(snapshots, inventory, ignore);
            alerts.addAll(result.alerts());
            Map<String, Long> calls = new TreeMap<>(inventory.apiCalls());
            List<Finding> findings = result.findings();
            if (!byAccount.isEmpty()) {
                progress.onProgress(new ScanProgress("Looking up who changed the drift in "
                        + (request.cloudTrail() == null ? "CloudTrail" : request.cloudTrail()), 2, STEPS));
                try {
                    findings = attribution.attribute(findings, byAccount, request.cloudTrail(), history, started,
                            alerts, calls);
                } catch (ListingStoppedException stopped) {
                    log.info("Scan stopped while looking up who changed the drift: {}", stopped.getMessage());
                }
                checkCancelled(cancelled);
            }
            Instant finished = clock.instant();
            report = new ScanReport(started, finished, sources, findings, alerts, calls, accounts(inventory), regions);
        } finally {
            opened.forEach(AwsSession::close);
        }
        progress.onProgress(new ScanProgress("Scan finished", STEPS, STEPS));
        log.info("Scan finished in {} ms: {} findings, {} alerts", report.duration().toMillis(),
                report.findings().size(), report.alerts().size());
        return report;
    }

    /**
     * One progress event per finished (account, region, type) scope. The listing step spans steps 1..2 of 3, so
     * the bar moves in ten-thousandths of the whole while the message names the scope just listed.
     */
    private static ListingListener listingProgress(ScanProgress.Listener progress, int account, int accounts) {
        int scale = 10_000;
        return (outcome, done, total) -> {
            double withinListing = (account + (double) done / total) / accounts;
            String verb = outcome instanceof ListingOutcome.Failed ? "Could not list" : "Listed";
            progress.onProgress(new ScanProgress("%s %s in %s/%s (%d/%d)".formatted(verb, outcome.scope().type(),
                    outcome.scope().account(), outcome.scope().region(), done, total),
                    scale + (int) (withinListing * scale), STEPS * scale));
        };
    }

    private static IgnoreRules readIgnoreRules(ScanRequest request) {
        if (request.driftignore() == null) {
            return IgnoreRules.none();
        }
        try {
            return IgnoreRules.read(request.driftignore());
        } catch (IOException e) {
            throw new ScanConfigurationException("Cannot read the ignore file " + request.driftignore() + ": " + e.getMessage());
        }
    }

    private static List<String> accounts(LiveInventory inventory) {
        LinkedHashSet<String> accounts = new LinkedHashSet<>();
        for (ListingOutcome outcome : inventory.outcomes()) {
            if (outcome instanceof ListingOutcome.Listed listed) {
                accounts.add(listed.scope().account());
            }
        }
        return List.copyOf(accounts);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new ScanCancelledException("The scan was cancelled before it finished; nothing was stored.");
        }
    }
}
