package dev.driftdeck.bench;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.Navigation;
import dev.driftdeck.ui.SampleScans;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * FX-thread pulse latency while a 100,000-finding scan loads into the real {@link ConsoleWindow} (issue 8, target
 * 50 ms). Headless (Monocle, software pipeline, as the FX tests run). The window opens on a small scan and settles;
 * then, as the drift-scan job does, a 100,000-finding scan is stored and the console told. An {@link AnimationTimer}
 * records every pulse from that moment until one second after the findings table holds every row; the gaps between
 * consecutive pulses are the FX thread's stalls. Four scans in turn: the first lands on a cold JVM (class loading,
 * JIT), the others are what an operator sees on every later scan. {@code -Dsearch=TEXT} has a search typed when the
 * scans land; {@code -Dpage=overview} puts the overview in front. The window's own construction (a synchronous
 * {@code open} on the FX thread) is reported apart; launch time is {@code packaging/benchmark-startup.sh}'s job.
 *
 * <p>Run it with the launcher's GC options (packaging/app-image.options):
 * <pre>mvn -B -o -q -Pbench test-compile exec:exec -Dbench=PulseLatencyBench "-Dbench.jvm=-XX:+UseZGC -Xmx4g -XX:SoftMaxHeapSize=1g"</pre>
 */
public final class PulseLatencyBench {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);

        InMemoryServices services = InMemoryServices.readOnly("bench", SampleScans.small());
        long openAsked = System.nanoTime();
        CompletableFuture<ConsoleWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            ConsoleWindow w = ConsoleWindow.open(new Stage(), services);
            // The findings page in front, as an operator watching the rows arrive has it; -Dpage=overview for the other.
            w.model().navigation().show(System.getProperty("page", Navigation.FINDINGS));
            // -Dsearch=TEXT: the operator has a search typed when the scan lands (the rows are filtered as they arrive).
            w.model().findings().searchTextProperty().set(System.getProperty("search", ""));
            opened.complete(w);
        });
        ConsoleWindow window = opened.get(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "ConsoleWindow.open on the FX thread (cold, small scan): %.0f ms%n",
                (System.nanoTime() - openAsked) / 1e6);
        Thread.sleep(1_000);

        for (int round = 1; round <= 4; round++) {
            // Each scan a fresh object with its own start, as a new scan read from the database would be.
            ScanReport sample = SampleScans.many(size - SampleScans.small().findings().size());
            Instant start = sample.startedAt().plus(Duration.ofHours(round));
            ScanReport report = new ScanReport(start, start.plusSeconds(30), sample.sources(), sample.findings(),
                    sample.alerts(), sample.apiCalls(), sample.accounts(), sample.regions());
            List<Long> pulses = new ArrayList<>();
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(System.nanoTime());
                }
            };
            CompletableFuture<Void> timing = new CompletableFuture<>();
            Platform.runLater(() -> {
                timer.start();
                timing.complete(null);
            });
            timing.get(30, TimeUnit.SECONDS);
            Thread.sleep(200);
            long storedAt = System.nanoTime();
            services.store(report);
            long filledAt = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (filledAt == 0 && System.nanoTime() < deadline) {
                CompletableFuture<Boolean> shown = new CompletableFuture<>();
                Platform.runLater(() -> shown.complete(window.model().findings().reportProperty().get() == report
                        && window.model().findings().allFindings().size() >= size));
                if (shown.get(60, TimeUnit.SECONDS)) {
                    filledAt = System.nanoTime();
                }
                Thread.sleep(20);
            }
            if (filledAt == 0) {
                throw new IllegalStateException("the findings table never held " + size + " rows");
            }
            Thread.sleep(1_000);
            CompletableFuture<List<Long>> stopped = new CompletableFuture<>();
            Platform.runLater(() -> {
                timer.stop();
                stopped.complete(List.copyOf(pulses));
            });
            List<Long> seen = stopped.get(30, TimeUnit.SECONDS);
            List<Double> gaps = new ArrayList<>();
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i) < storedAt) {
                    continue; // before the scan arrived
                }
                gaps.add((seen.get(i) - seen.get(i - 1)) / 1e6);
            }
            List<Double> sorted = gaps.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "scan %d%s: %,d findings shown %.0f ms after they were stored; %d pulses from"
                            + " then until 1 s after, gap median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    round, round == 1 ? " (cold)" : "", size, (filledAt - storedAt) / 1e6, gaps.size(),
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)),
                    sorted.getLast());
        }
        Platform.runLater(window::close);
        Platform.exit();
        System.exit(0);
    }
}
