package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.risk.Severity;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * "Any", "Critical", "High+", "Medium+", "Low+": one chip pressed at a time, showing drift of that severity or worse.
 * Two-way with the view model's severity filter, so "clear filters" releases them.
 */
final class SeverityChips extends HBox {

    SeverityChips(ObjectProperty<Severity> floor) {
        setId("severity-chips");
        ToggleGroup group = new ToggleGroup();
        getChildren().add(chip(group, "Any severity", null));
        for (Severity severity : new Severity[]{Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            getChildren().add(chip(group, severity == Severity.CRITICAL ? "Critical" : severity.label() + "+", severity));
        }
        select(group, floor.get());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a chip group always has one pressed: "Any" is the way back
                return;
            }
            floor.set((Severity) now.getUserData());
        });
        floor.addListener((obs, old, now) -> select(group, now));
        setSpacing(4);
    }

    private static ToggleButton chip(ToggleGroup group, String text, Severity severity) {
        ToggleButton chip = new ToggleButton(text);
        chip.setId("severity-chip-" + (severity == null ? "any" : severity.name().toLowerCase(Locale.ROOT)));
        chip.setUserData(severity);
        chip.setToggleGroup(group);
        chip.getStyleClass().add(Styles.SMALL);
        chip.setTooltip(new Tooltip(severity == null ? "Every finding"
                : "Drift of severity " + severity.label() + " or worse"));
        return chip;
    }

    private static void select(ToggleGroup group, Severity severity) {
        group.getToggles().stream().filter(t -> t.getUserData() == severity).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }
}
