package dev.driftdeck.ui.notifications;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.findings.StatusText;
import dev.driftdeck.ui.overview.ScanChanges;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Tells the operator when a newly stored scan found drift that the previous scan did not have: a banner in the
 * window and, where the desktop offers one, a desktop notification. A scan with only old drift says nothing, so
 * the notification keeps its meaning.
 */
public final class NotificationsViewModel {

    private final BackgroundTasks tasks;
    private volatile DesktopNotifier desktop = DesktopNotifier.NONE;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private int announced;
    private Severity floor;

    public NotificationsViewModel(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Where desktop notifications go; {@link DesktopNotifier#NONE} until the window sets the system's. */
    public void setDesktopNotifier(DesktopNotifier notifier) {
        this.desktop = Objects.requireNonNull(notifier);
    }

    /**
     * A scan was just stored and loaded (FX thread): notifies when it has new drift, otherwise does nothing.
     *
     * @return true when a notification was raised
     */
    public boolean scanStored(ScanChanges all) {
        ScanChanges changes = atOrAboveFloor(all);
        if (changes.newDrift().isEmpty()) {
            return false;
        }
        String heading = headline(changes);
        String body = breakdown(changes);
        title.set(heading);
        text.set(body);
        visible.set(true);
        announced++;
        DesktopNotifier target = desktop;
        // notify-send is a process start: never on the FX thread.
        tasks.run(() -> target.notify(heading, body), () -> { }, e -> { });
        return true;
    }

    /**
     * The least severe new drift worth announcing (the setting "Notify about new drift"); null announces any. Less
     * severe drift still shows on the Overview and the findings page.
     */
    public void setMinimumSeverity(Severity floor) {
        this.floor = floor;
    }

    private ScanChanges atOrAboveFloor(ScanChanges changes) {
        if (floor == null) {
            return changes;
        }
        List<Finding> worthIt = changes.newDrift().stream().filter(f -> f.driftAtLeast(floor)).toList();
        return new ScanChanges(worthIt, changes.resolved(), changes.hasPrevious());
    }

    static String headline(ScanChanges changes) {
        int n = changes.newDrift().size();
        return n + (n == 1 ? " new drift" : " new drifts") + (changes.hasPrevious() ? " since the last scan" : " in the first scan");
    }

    /** "2 changed · 1 unmanaged, e.g. module.app.aws_instance.web[0]". */
    static String breakdown(ScanChanges changes) {
        Map<FindingStatus, Long> byStatus = changes.newDrift().stream()
                .collect(Collectors.groupingBy(Finding::status, () -> new EnumMap<>(FindingStatus.class), Collectors.counting()));
        String counts = byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + StatusText.label(e.getKey()).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
        Finding first = changes.newDrift().getFirst();
        return counts + ", e.g. " + (first.address() != null ? first.address() : first.type() + " " + first.id());
    }

    public void dismiss() {
        visible.set(false);
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** How many notifications were raised since the console opened. */
    public int announcedCount() {
        return announced;
    }
}
