package dev.driftdeck.ui.overview;

import atlantafx.base.theme.Styles;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.findings.StatusText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Arrays;
import java.util.Locale;

/**
 * Counts by status as chips that double as the table's status filter, and the coverage figure.
 * Clicking "Changed 3" shows only changed findings; "All" clears the filter.
 */
public final class SummaryStrip extends HBox {

    public SummaryStrip(SummaryViewModel model, ObjectProperty<FindingStatus> statusFilter) {
        super(6);
        getStyleClass().add("summary-strip");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));

        ToggleGroup group = new ToggleGroup();
        ToggleButton all = chip(group, null);
        all.textProperty().bind(Bindings.concat("All  ", model.totalProperty()));
        getChildren().add(all);
        Arrays.stream(FindingStatus.values()).sorted(StatusText.URGENCY).forEach(status -> {
            ToggleButton chip = chip(group, status);
            chip.textProperty().bind(Bindings.concat(StatusText.label(status), "  ", model.countProperty(status)));
            chip.getStyleClass().add("chip-" + StatusText.styleClass(status));
            getChildren().add(chip);
        });

        // Two-way: chips set the filter; the filter (reset elsewhere) selects its chip. Never leave none selected.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                statusFilter.set((FindingStatus) now.getUserData());
            }
        });
        statusFilter.addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(group::selectToggle));
        group.selectToggle(all);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label coverage = new Label();
        coverage.setId("coverage-label");
        coverage.getStyleClass().addAll(Styles.TITLE_4, "coverage-label");
        coverage.textProperty().bind(model.coverageTextProperty());
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(model.coverageDetailProperty());
        coverage.setTooltip(detail);
        getChildren().addAll(spacer, coverage);
    }

    private static ToggleButton chip(ToggleGroup group, FindingStatus status) {
        ToggleButton chip = new ToggleButton();
        chip.setId("chip-" + (status == null ? "all" : status.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        chip.setUserData(status);
        chip.setToggleGroup(group);
        chip.getStyleClass().addAll("status-chip", Styles.SMALL, Styles.ROUNDED);
        chip.setFocusTraversable(false);
        return chip;
    }
}
