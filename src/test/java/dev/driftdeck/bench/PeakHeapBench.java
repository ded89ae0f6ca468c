package dev.driftdeck.bench;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brief section 9: heap at most 512 MB for a 100,000-resource scan, state parse + reconcile + persist, in one
 * process. Run it with {@code -Xmx512m}: finishing at all proves the scan fits; the printed peak (the sum of the
 * heap pools' peaks, an upper bound) and the live set after a full GC say by how much. The state file and the
 * synthetic live inventory are made first, outside the measured window, the way a real scan gets them from disk
 * and AWS. Argument: [size], default 100000.
 */
public final class PeakHeapBench {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        BenchSupport.header("peak heap: parse + reconcile + persist " + size);
        Path dir = Files.createTempDirectory("driftdeck-bench-");
        SyntheticEstate estate = new SyntheticEstate(size);
        Path stateFile = estate.writeState(dir.resolve("bench.tfstate"));
        LiveInventory live = estate.live();
        System.gc();
        long baseline = BenchSupport.heapUsedBytes();
        BenchSupport.resetHeapPeaks();
        GcWatch gc = GcWatch.start();

        long start = System.nanoTime();
        StateSnapshot state = new TfStateParser().parse(stateFile);
        Reconciliation result = new Reconciler(Collectors.specs()).reconcile(List.of(state), live, IgnoreRules.none());
        ScanReport report = PersistBench.report(state, result);
        try (Database db = Database.open(dir.resolve("db/driftdeck"))) {
            Migrations.migrateAndVerify(db);
            new ScanRepository(db).save(report);
        }
        long elapsed = System.nanoTime() - start;
        long peak = BenchSupport.heapPeakBytes();
        gc.stop();
        System.gc();
        long liveSet = BenchSupport.heapUsedBytes();
        System.out.printf("live inventory held before the window: %,d MB%n", baseline >> 20);
        System.out.printf("parse + reconcile + persist: %.0f ms, %,d findings%n", BenchSupport.millis(elapsed),
                report.findings().size());
        System.out.printf("heap peak (sum of pool peaks, upper bound): %,d MB of %,d MB max%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("GCs in the window: %d, %d ms in total; highest heap before a GC: %,d MB;"
                + " highest heap after a GC (peak live data): %,d MB%n", gc.count(), gc.millis(), gc.maxBefore() >> 20,
                gc.maxAfter() >> 20);
        System.out.printf("heap used after a full GC with state, inventory and report still referenced: %,d MB%n",
                liveSet >> 20);
        System.out.printf("load average at end: %s%n", BenchSupport.loadAverage());
        BenchSupport.check(gc.maxAfter() <= 512L << 20, "target <= 512 MB (finished under -Xmx512m, peak live data)");
        // keep everything reachable until the measurement is taken
        if (report.findings().size() + state.resources().size() + live.outcomes().size() < 0) {
            System.out.println("unreachable");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
