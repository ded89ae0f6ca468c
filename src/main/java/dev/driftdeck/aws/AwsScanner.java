package dev.driftdeck.aws;

import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
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
 */
public final class AwsScanner {

    private static final Logger log = LoggerFactory.getLogger(AwsScanner.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int parallelism;

    /** A scanner listing up to 4 scopes at once: enough to hide latency, few enough to stay under AWS rate limits. */
    public AwsScanner() {
        this(4);
    }

    public AwsScanner(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Lists every scope. The account comes from STS; when even that fails, every scope is Failed with the reason.
     *
     * @param regions    the regions for regional types; global types are listed once whatever this holds
     * @param collectors the types to list, e.g. {@link Collectors#all()}
     * @param strict     keep AWS default resources
     */
    public LiveInventory scan(AwsSession session, List<String> regions, List<Collector> collectors, boolean strict) {
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
        try {
            List<Future<ListingOutcome>> futures = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                futures.add(pool.submit(() -> list(session, task, strict)));
            }
            for (Future<ListingOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("AWS listing of account " + account + " was interrupted");
        } catch (ExecutionException e) {
            // list() catches every exception of a scope; only an Error lands here.
            throw new IllegalStateException("AWS listing of account " + account + " crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new LiveInventory(outcomes, session.counter().callsPerService());
    }

    private static ListingOutcome list(AwsSession session, Task task, boolean strict) {
        ListingScope scope = task.scope();
        ApiCallCounter counter = session.counter();
        counter.clearLastFailure();
        try {
            List<LiveResource> resources =
                    task.collector().list(new CollectorContext(session, scope.account(), scope.region(), strict));
            log.debug("Listed {} {} in {}/{}", resources.size(), scope.type(), scope.account(), scope.region());
            return new ListingOutcome.Listed(scope, resources);
        } catch (RuntimeException e) {
            ListingOutcome.Failed failed = ListingFailures.classify(
                    scope, e, counter.lastFailedOperation(), task.collector().iamActions().getFirst());
            log.warn("{}", failed.reason());
            log.debug("Listing {} failed", scope, e);
            return failed;
        } finally {
            counter.clearLastFailure();
        }
    }

    private static List<Task> tasks(String account, List<String> regions, List<Collector> collectors) {
        List<Task> tasks = new ArrayList<>();
        for (Collector collector : collectors) {
            if (collector.global()) {
                tasks.add(new Task(new ListingScope(account, ListingScope.GLOBAL, collector.type()), collector));
            } else {
                for (String region : regions) {
                    tasks.add(new Task(new ListingScope(account, region, collector.type()), collector));
                }
            }
        }
        return tasks;
    }

    private static LiveInventory unidentified(AwsSession session, List<String> regions, List<Collector> collectors,
                                              RuntimeException error) {
        String account = "unknown";
        List<ListingOutcome> outcomes = new ArrayList<>();
        for (Task task : tasks(account, regions, collectors)) {
            ListingOutcome.Failed failed = ListingFailures.classify(
                    task.scope(), error, "sts:GetCallerIdentity", "sts:GetCallerIdentity");
            outcomes.add(new ListingOutcome.Failed(task.scope(),
                    "Could not identify the AWS account (sts:GetCallerIdentity), so nothing was listed. "
                            + failed.reason(),
                    null));
        }
        return new LiveInventory(outcomes, session.counter().callsPerService());
    }

    private record Task(ListingScope scope, Collector collector) {
    }
}
