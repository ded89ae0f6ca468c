package dev.driftdeck.bench;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.state.TfStateParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Brief section 9: reconcile 100,000 state resources against 100,000 live ones in at most 1 s (warm, median).
 * Arguments: [size] [warm-up runs] [measured runs], default 100000 5 9. Also prints the state parse time.
 */
public final class ReconcileBench {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        BenchSupport.header("reconcile " + size + " state vs " + size + " live");

        SyntheticEstate estate = new SyntheticEstate(size);
        Path dir = Files.createTempDirectory("driftdeck-bench-");
        Path stateFile = estate.writeState(dir.resolve("bench.tfstate"));
        System.out.printf("state file: %,d bytes%n", Files.size(stateFile));
        long parseStart = System.nanoTime();
        StateSnapshot state = new TfStateParser().parse(stateFile);
        System.out.printf("parse (cold, once): %.0f ms, %,d resources%n",
                BenchSupport.millis(System.nanoTime() - parseStart), state.resources().size());
        LiveInventory live = estate.live();
        long liveCount = live.outcomes().stream()
                .mapToLong(o -> o instanceof dev.driftdeck.drift.ListingOutcome.Listed l ? l.resources().size() : 0).sum();
        System.out.printf("live resources: %,d in %d listings%n", liveCount, live.outcomes().size());

        Reconciler reconciler = new Reconciler(Collectors.specs());
        List<StateSnapshot> states = List.of(state);
        Reconciliation result = null;
        for (int i = 0; i < warmups; i++) {
            result = reconciler.reconcile(states, live, IgnoreRules.none());
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = reconciler.reconcile(states, live, IgnoreRules.none());
            times.add(BenchSupport.millis(System.nanoTime() - start));
            cpu.add(BenchSupport.millis(threads.getCurrentThreadCpuTime() - cpuStart));
        }
        Map<FindingStatus, Integer> counts = new EnumMap<>(FindingStatus.class);
        result.findings().forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        System.out.printf("findings: %,d %s, alerts: %d%n", result.findings().size(), counts, result.alerts().size());
        System.out.printf("reconcile (warm, after %d warm-up runs): %s%n", warmups, BenchSupport.summary(times));
        System.out.printf("reconcile CPU time of the benchmark thread (excludes waiting for a core and GC threads): %s%n",
                BenchSupport.summary(cpu));
        System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
        BenchSupport.check(BenchSupport.median(times) <= 1_000, "target <= 1000 ms");
        Files.deleteIfExists(stateFile);
        Files.deleteIfExists(dir);
    }
}
