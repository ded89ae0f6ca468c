package dev.driftdeck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What every benchmark prints beside its figures: the machine, the JVM and how busy the machine was. */
final class BenchSupport {

    private BenchSupport() {
    }

    static void header(String name) {
        System.out.printf("== %s ==%n", name);
        System.out.printf("java %s, %d cores available, max heap %d MB, %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("load average at start: %s%n", loadAverage());
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg (Linux), or what the JVM knows elsewhere. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String summary(List<Double> millis) {
        return String.format("median %.0f ms, min %.0f ms, max %.0f ms over %d runs %s", median(millis),
                millis.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                millis.stream().mapToDouble(Double::doubleValue).max().orElse(0), millis.size(),
                Arrays.toString(millis.stream().mapToLong(Math::round).toArray()));
    }

    /** Sum of the heap pools' peak usage since start (or the last reset): an upper bound of the real peak. */
    static long heapPeakBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (every thread: H2's writer, GC...), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static void check(boolean met, String what) {
        System.out.printf("%s: %s%n", what, met ? "MET" : "MISSED");
    }
}
