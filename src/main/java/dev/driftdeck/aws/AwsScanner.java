package dev.driftdeck.aws;

import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists every (account, region, type) scope of a scan into a {@link LiveInventory}. Global types are listed once.
 * A scope that fails becomes {@link ListingOutcome.Failed} and never affects another scope.
 *
 * <p>Politeness: at most {@code parallelism} scopes at once overall, and at most {@code perService} at once per
 * (region, service), so a scan of many EC2 types does not hammer EC2 while IAM sits idle. The session adds a
 * per-service request rate ceiling and adaptive retry under that.
 */
public final class AwsScanner {

    private static final Logger log = LoggerFactory.getLogger(AwsScanner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int parallelism;
    private final int perService;

    /**
     * A scanner listing up to 8 scopes at once, 2 per (region, service): enough to hide latency across services,
     * few enough per service to stay under AWS rate limits.
     */
    public AwsScanner() {
        this(8, 2);
    }

    public AwsScanner(int parallelism) {
        this(parallelism, parallelism);
    }

    public AwsScanner(int parallelism, int perService) {
        if (parallelism < 1 || perService < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism + "/" + perService);
        }
        this.parallelism = parallelism;
        this.perService = perService;
    }

    /**
     * Lists every scope. The account comes from STS; when even that fails, every scope is Failed with the reason.
     *
     * @param regions    the regions for regional types; global types are listed once whatever this holds
     * @param collectors the types to list, e.g. {@link Collectors#all()}
     * @param strict     keep AWS default resources
     */
    public LiveInventory scan(AwsSession session, List<String> regions, List<Collector> collectors, boolean strict) {
        return scan(session, regions, collectors, strict, ManagedState.NONE, ListingListener.NONE);
    }

    /**
     * As {@link #scan(AwsSession, List, List, boolean)}, spending detail calls only on what {@code managed} holds,
     * and telling {@code listener} as each scope finishes. Once {@link AwsSession#stopRequested()} no scope starts
     * and no AWS call is made (between scopes and between pages), and this throws {@link ListingStoppedException}.
     */
    public LiveInventory scan(AwsSession session, List<String> regions, List<Collector> collectors, boolean strict,
                              ManagedState managed, ListingListener listener) {
        String account;
        try {
            account = session.accountId();
        } catch (RuntimeException e) {
            log.warn("Cannot identify the AWS account from region {}: {}", session.target().region(), e.toString());
            return unidentified(session, regions, collectors, e);
        }
        List<Task> tasks = tasks(account, regions, collectors);
        List<ListingOutcome> outcomes = new ArrayList<>(tasks.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tasks.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "driftdeck-aws-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Map<String, Semaphore> perServiceLimits = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<ListingOutcome>> futures = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                Semaphore limit = perServiceLimits.computeIfAbsent(
                        task.scope().region() + "/" + task.collector().service(), k -> new Semaphore(perService));
                futures.add(pool.submit(() -> {
                    checkStop(session, account);
                    limit.acquire();
                    ListingOutcome outcome;
                    try {
                        checkStop(session, account);
                        outcome = list(session, task, strict, managed);
                    } finally {
                        limit.release();
                    }
                    checkStop(session, account); // a collector may have swallowed the refused calls
                    synchronized (done) {
                        // In order: the status bar never moves backwards.
                        listener.finished(outcome, done.incrementAndGet(), tasks.size());
                    }
                    return outcome;
                }));
            }
            for (Future<ListingOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("AWS listing of account " + account + " was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ListingStoppedException stopped) {
                throw stopped;
            }
            // list() catches every exception of a scope; only an Error lands here.
            throw new IllegalStateException("AWS listing of account " + account + " crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new LiveInventory(outcomes, session.counter().callsPerService());
    }

    private static ListingOutcome list(AwsSession session, Task task, boolean strict, ManagedState managed) {
        ListingScope scope = task.scope();
        ApiCallCounter counter = session.counter();
        counter.clearLastFailure();
        try {
            List<LiveResource> resources =
                    task.collector().list(new CollectorContext(session, scope.account(), scope.region(), strict, managed));
            log.debug("Listed {} {} in {}/{}", resources.size(), scope.type(), scope.account(), scope.region());
            return new ListingOutcome.Listed(scope, resources);
        } catch (RuntimeException e) {
            if (session.stopRequested()) {
                throw new ListingStoppedException("Listing " + scope.type() + " in " + scope.account() + "/"
                        + scope.region() + " stopped: the scan was asked to stop.");
            }
            ListingOutcome.Failed failed = ListingFailures.classify(
                    scope, e, counter.lastFailedOperation(), task.collector().iamActions().getFirst());
            log.warn("{}", failed.reason());
            log.debug("Listing {} failed", scope, e);
            return failed;
        } finally {
            counter.clearLastFailure();
        }
    }

    private static void checkStop(AwsSession session, String account) {
        if (session.stopRequested()) {
            throw new ListingStoppedException("AWS listing of account " + account + " stopped: the scan was asked to stop.");
        }
    }

    /** One task per scope, dealt round-robin across services so that no service's scopes queue back to back. */
    private static List<Task> tasks(String account, List<String> regions, List<Collector> collectors) {
        Map<String, java.util.ArrayDeque<Task>> byService = new java.util.LinkedHashMap<>();
        for (Collector collector : collectors) {
            java.util.ArrayDeque<Task> queue = byService.computeIfAbsent(collector.service(), s -> new java.util.ArrayDeque<>());
            if (collector.global()) {
                queue.add(new Task(new ListingScope(account, ListingScope.GLOBAL, collector.type()), collector));
            } else {
                for (String region : regions) {
                    queue.add(new Task(new ListingScope(account, region, collector.type()), collector));
                }
            }
        }
        List<Task> tasks = new ArrayList<>();
        while (!byService.isEmpty()) {
            var queues = byService.values().iterator();
            while (queues.hasNext()) {
                var queue = queues.next();
                tasks.add(queue.poll());
                if (queue.isEmpty()) {
                    queues.remove();
                }
            }
        }
        return tasks;
    }

    private static LiveInventory unidentified(AwsSession session, List<String> regions, List<Collector> collectors,
                                              RuntimeException error) {
        String account = "unknown";
        AwsTarget target = session.target();
        // Name the credentials that failed, so "refresh them" says which ones (aws sso login --profile X).
        String with = (target.profile() == null ? "the default credentials" : "profile '" + target.profile() + "'")
                + (target.roleArn() == null ? "" : " assuming " + target.roleArn());
        List<ListingOutcome> outcomes = new ArrayList<>();
        for (Task task : tasks(account, regions, collectors)) {
            ListingOutcome.Failed failed = ListingFailures.classify(
                    task.scope(), error, "sts:GetCallerIdentity", "sts:GetCallerIdentity");
            outcomes.add(new ListingOutcome.Failed(task.scope(),
                    "Could not identify the AWS account with " + with
                            + " (sts:GetCallerIdentity), so nothing was listed. "
                            + failed.reason(),
                    null));
        }
        return new LiveInventory(outcomes, session.counter().callsPerService());
    }

    private record Task(ListingScope scope, Collector collector) {
    }
}
