package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The top of a finding's detail: its severity and each risk the drift introduced (why it matters and the fix),
 * then the ones it fixed. Hidden for a finding without drift or risks. Built from the immutable finding.
 */
final class RiskSection extends VBox {

    RiskSection(ReadOnlyObjectProperty<Finding> finding) {
        super(6);
        setId("detail-risks");
        getStyleClass().add("detail-risks");
        finding.addListener((obs, old, now) -> show(now));
        show(finding.get());
    }

    private void show(Finding finding) {
        getChildren().clear();
        boolean shown = finding != null && finding.severity() != null;
        setVisible(shown);
        setManaged(shown);
        if (!shown) {
            return;
        }
        Label severity = wrapping(new Label(severityLine(finding)));
        severity.setId("detail-severity");
        severity.getStyleClass().addAll(Styles.TEXT_BOLD, styleOf(finding.severity()));
        getChildren().add(severity);
        for (Risk risk : finding.risks()) {
            Label title = new Label((risk.introduced() ? "" : "Fixed by this drift: ") + risk.severity().label()
                    + " · " + risk.rule() + " · " + risk.title()
                    + (risk.refs().isEmpty() ? "" : "  (" + String.join(", ", risk.refs()) + ")"));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, risk.introduced() ? styleOf(risk.severity()) : Styles.SUCCESS);
            wrapping(title);
            Label why = wrapping(new Label(risk.why()));
            Label fix = wrapping(new Label("Fix: " + risk.fix()));
            fix.getStyleClass().add(Styles.TEXT_MUTED);
            VBox one = new VBox(2, title, why, fix);
            one.getStyleClass().add("detail-risk");
            one.setUserData(risk.rule());
            getChildren().add(one);
        }
    }

    /**
     * Wraps and never shrinks below its wrapped height: the detail pane is a tall column, and without the minimum
     * a VBox squeezes each label back to three lines and an ellipsis, cutting the rule's title and fix mid-sentence.
     */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** "Severity: High (1 risk introduced)". */
    static String severityLine(Finding finding) {
        long introduced = finding.risks().stream().filter(Risk::introduced).count();
        return "Severity: " + finding.severity().label() + (introduced == 0 ? " (default for its status and type)"
                : " (" + introduced + (introduced == 1 ? " risk" : " risks") + " introduced by this drift)");
    }

    static String styleOf(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> Styles.DANGER;
            case MEDIUM -> Styles.WARNING;
            case LOW, INFO -> Styles.ACCENT;
        };
    }
}
