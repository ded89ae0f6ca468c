package dev.driftdeck.cli;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.notify.Channels;
import dev.driftdeck.notify.DeliveryException;
import dev.driftdeck.notify.Notice;
import dev.driftdeck.notify.Notices;
import dev.driftdeck.notify.Target;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code scan --notify URL}: one message for the scan's drift to each target. A failed delivery is printed (the URL
 * masked) and does not change the exit code: the scan's result is what CI gates on.
 */
final class ScanNotifications {

    private final List<Target> targets;
    private final Channels channels;
    private final Clock clock;

    ScanNotifications(List<Target> targets, Channels channels, Clock clock) {
        this.targets = List.copyOf(targets);
        this.channels = channels;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException naming the first unusable URL (masked) and what is accepted */
    static List<Target> parse(List<String> urls, Map<String, String> env) {
        return urls.stream().map(url -> Target.parse(url, env)).toList();
    }

    void send(ScanReport report, PrintWriter err) {
        if (targets.isEmpty()) {
            return;
        }
        List<Finding> drift = report.findings().stream().filter(f -> f.status() == FindingStatus.CHANGED
                || f.status() == FindingStatus.MISSING || f.status() == FindingStatus.UNMANAGED).toList();
        Notice notice = Notices.scan(drift, clock.instant());
        for (Target target : targets) {
            try {
                int attempts = channels.send(target, notice);
                err.printf("Notified %s%s%n", target, attempts > 1 ? " (after " + attempts + " attempts)" : "");
            } catch (DeliveryException e) {
                err.printf("Could not notify %s: %s%n", target, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.printf("Stopped before notifying %s%n", target);
                break;
            }
        }
        err.flush();
    }
}
