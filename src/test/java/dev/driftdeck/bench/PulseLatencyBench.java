package dev.driftdeck.bench;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * FX-thread pulse latency while a 100,000-finding scan loads into the real {@link ConsoleWindow} (issue 8, target
 * 50 ms). Headless (Monocle, software pipeline, as the FX tests run). An {@link AnimationTimer} records every pulse
 * from the moment the window is opened until one second after its findings table holds all rows; the gaps between
 * consecutive pulses are the FX thread's stalls. The window's own construction (a synchronous {@code open} on the FX
 * thread) is reported apart from the gaps while the scan loads and the table fills. Three windows in turn: the first is a cold start (class loading,
 * JIT), the others what an operator sees on the next scan.
 *
 * <pre>mvn -B -o -q -Pbench test-compile exec:exec -Dbench=PulseLatencyBench -Dbench.jvm=-Xmx1g</pre>
 */
public final class PulseLatencyBench {

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ScanReport report = SampleScans.many(size - SampleScans.small().findings().size());
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);

        for (int round = 1; round <= 3; round++) {
            List<Long> pulses = new ArrayList<>();
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulses.add(System.nanoTime());
                }
            };
            CompletableFuture<ConsoleWindow> opened = new CompletableFuture<>();
            long openedAt = System.nanoTime();
            Platform.runLater(() -> {
                timer.start();
                opened.complete(ConsoleWindow.open(new Stage(), InMemoryServices.readOnly("bench", report)));
            });
            ConsoleWindow window = opened.get(60, TimeUnit.SECONDS);
            long filledAt = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (filledAt == 0 && System.nanoTime() < deadline) {
                CompletableFuture<Integer> rows = new CompletableFuture<>();
                Platform.runLater(() -> rows.complete(tableRows(window.stage())));
                if (rows.get(60, TimeUnit.SECONDS) >= size) {
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
                window.close();
                stopped.complete(List.copyOf(pulses));
            });
            List<Long> seen = stopped.get(30, TimeUnit.SECONDS);
            List<Double> gaps = new ArrayList<>();
            gaps.add((seen.getFirst() - openedAt) / 1e6); // from the request to the first pulse
            for (int i = 1; i < seen.size(); i++) {
                gaps.add((seen.get(i) - seen.get(i - 1)) / 1e6);
            }
            double open = gaps.getFirst();
            List<Double> after = gaps.subList(1, gaps.size()).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "round %d%s: ConsoleWindow.open on the FX thread %.0f ms; table filled with"
                            + " %,d rows %.0f ms after open; then %d pulses, gap median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    round, round == 1 ? " (cold)" : "", open, size, (filledAt - openedAt) / 1e6, seen.size(),
                    after.get(after.size() / 2), after.get((int) Math.min(after.size() - 1, after.size() * 0.99)),
                    after.getLast());
        }
        Platform.exit();
        System.exit(0);
    }

    private static int tableRows(Stage stage) {
        if (stage.getScene() == null) {
            return 0;
        }
        int most = 0;
        for (Node node : stage.getScene().getRoot().lookupAll(".table-view")) {
            if (node instanceof TableView<?> table) {
                most = Math.max(most, table.getItems().size());
            }
        }
        return most;
    }
}
