package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.ui.scheduler.JobLine;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The overview page: what changed since the last scan, coverage by account and source, the trend over the stored
 * history, the last scan's alerts and when the next scan runs. Counts and the big coverage figure come from the
 * {@link SummaryViewModel} the rest of the console shares; this adds what needs history.
 */
public final class OverviewViewModel {

    static final String NO_SCAN = "No scan yet. Add a state source on the Sources page, then press Scan now.";
    static final String NO_ALERTS_BEFORE_A_SCAN = "No scan yet: nothing was listed.";
    static final String NO_ALERTS = "No alerts: every listing succeeded.";
    static final String NO_RISK_BEFORE_A_SCAN = "No scan yet: risks appear here after the first scan.";
    static final String NO_RISK = "No drift introduced a risk from the catalogue.";

    private final ObservableList<Finding> newDrift = FXCollections.observableArrayList();
    private final ObservableList<Finding> resolved = FXCollections.observableArrayList();
    private final ObservableList<CoverageRow> accounts = FXCollections.observableArrayList();
    private final ObservableList<CoverageRow> sources = FXCollections.observableArrayList();
    private final ObservableList<TrendPoint> trend = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private final ObservableList<String> highestRisk = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper highestRiskPlaceholder = new ReadOnlyStringWrapper(NO_RISK_BEFORE_A_SCAN);
    private final ReadOnlyStringWrapper newText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper resolvedText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper changesCaption = new ReadOnlyStringWrapper(NO_SCAN);
    private final ReadOnlyStringWrapper nextRunText = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper trendCaption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasScan = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper alertsPlaceholder = new ReadOnlyStringWrapper(NO_ALERTS_BEFORE_A_SCAN);
    private final ReadOnlyStringWrapper jobFailure = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Severity> trendFloor = new SimpleObjectProperty<>();

    /** Follows the drift-scan job of the scheduler panel for "next scan". */
    public OverviewViewModel(SchedulerViewModel scheduler) {
        scheduler.jobs().addListener((ListChangeListener<JobLine>) change -> nextRunText.set(nextRun(scheduler.jobs())));
        nextRunText.set(nextRun(scheduler.jobs()));
        jobFailure.bind(scheduler.failureTextProperty());
    }

    /** Shows one scan's figures (FX thread): a handful of {@code setAll}s, no pass over the findings. */
    public void show(OverviewFigures figures) {
        ScanChanges changes = figures.changes();
        hasScan.set(true);
        alertsPlaceholder.set(NO_ALERTS);
        newDrift.setAll(changes.newDrift());
        resolved.setAll(changes.resolved());
        newText.set(String.valueOf(changes.newDrift().size()));
        resolvedText.set(changes.hasPrevious() ? String.valueOf(changes.resolved().size()) : "—");
        changesCaption.set(caption(changes));
        accounts.setAll(figures.accounts());
        sources.setAll(figures.sources());
        trend.setAll(figures.trend());
        trendCaption.set(figures.trend().size() < 2
                ? "The trend appears after the second scan."
                : figures.trend().size() + " scans since " + SummaryViewModel.when(figures.trend().getFirst().at()));
        alerts.setAll(figures.alerts());
        highestRisk.setAll(figures.highestRisk().stream().map(RiskLine::text).toList());
        highestRiskPlaceholder.set(NO_RISK);
    }

    static String caption(ScanChanges changes) {
        if (!changes.hasPrevious()) {
            return changes.newDrift().isEmpty() ? "First scan: no drift found." : "First scan: every drift is new.";
        }
        if (changes.newDrift().isEmpty() && changes.resolved().isEmpty()) {
            return "Nothing changed since the previous scan.";
        }
        int fresh = changes.newDrift().size();
        return fresh + (fresh == 1 ? " new drift" : " new drifts") + " and " + changes.resolved().size() + " resolved"
                + " since the previous scan.";
    }

    /** "next in 4m 10s" for the drift-scan job, with its state when it is not idle. */
    static String nextRun(List<JobLine> jobs) {
        return jobs.stream().filter(job -> job.job().equals(SchedulerViewModel.DRIFT_SCAN)).findFirst()
                .map(job -> switch (job.stateValue()) {
                    case RUNNING -> "running now";
                    case IDLE -> job.nextRun();
                    default -> job.nextRun() + " (" + job.state().toLowerCase(java.util.Locale.ROOT) + ")";
                })
                .orElse("not scheduled");
    }

    /** Drift the latest scan has and the previous one did not (same type, id and status). */
    public ObservableList<Finding> newDrift() {
        return newDrift;
    }

    public ObservableList<Finding> resolved() {
        return resolved;
    }

    public ObservableList<CoverageRow> accounts() {
        return accounts;
    }

    public ObservableList<CoverageRow> sources() {
        return sources;
    }

    /** The stored scans, oldest first. */
    public ObservableList<TrendPoint> trend() {
        return trend;
    }

    /** The trend's severity filter: null draws all drift by status, a severity draws that severity and worse. */
    public ObjectProperty<Severity> trendFloorProperty() {
        return trendFloor;
    }

    public ObservableList<String> alerts() {
        return alerts;
    }

    /** The worst risks the latest scan's drift introduced, worst first, one line each. */
    public ObservableList<String> highestRisk() {
        return highestRisk;
    }

    /** What the "Highest risk" card says when it lists nothing. */
    public ReadOnlyStringProperty highestRiskPlaceholderProperty() {
        return highestRiskPlaceholder.getReadOnlyProperty();
    }

    /** The number of new drift findings, or "—" before the first scan. */
    public ReadOnlyStringProperty newTextProperty() {
        return newText.getReadOnlyProperty();
    }

    /** The number of resolved drift findings, or "—" when there is no previous scan. */
    public ReadOnlyStringProperty resolvedTextProperty() {
        return resolvedText.getReadOnlyProperty();
    }

    /** One sentence under the two numbers. */
    public ReadOnlyStringProperty changesCaptionProperty() {
        return changesCaption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRunTextProperty() {
        return nextRunText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendCaptionProperty() {
        return trendCaption.getReadOnlyProperty();
    }

    /** What the alerts card says when there are none: nothing about listings before a scan listed anything. */
    public ReadOnlyStringProperty alertsPlaceholderProperty() {
        return alertsPlaceholder.getReadOnlyProperty();
    }

    /** The jobs whose last run failed, with error, fix and next attempt, one per line; "" when none failed. */
    public ReadOnlyStringProperty jobFailureProperty() {
        return jobFailure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasScanProperty() {
        return hasScan.getReadOnlyProperty();
    }
}
