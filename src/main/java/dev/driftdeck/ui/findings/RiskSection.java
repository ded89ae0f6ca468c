package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
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
        Label severity = new Label(severityLine(finding));
        severity.setId("detail-severity");
        severity.getStyleClass().addAll(Styles.TEXT_BOLD, styleOf(finding.severity()));
        getChildren().add(severity);
        for (Risk risk : finding.risks()) {
            Label title = new Label((risk.introduced() ? "" : "Fixed by this drift: ") + risk.severity().label()
                    + " · " + risk.rule() + " · " + risk.title()
                    + (risk.refs().isEmpty() ? "" : "  (" + String.join(", ", risk.refs()) + ")"));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, risk.introduced() ? styleOf(risk.severity()) : Styles.SUCCESS);
            title.setWrapText(true);
            Label why = new Label(risk.why());
            why.setWrapText(true);
            Label fix = new Label("Fix: " + risk.fix());
            fix.setWrapText(true);
            fix.getStyleClass().add(Styles.TEXT_MUTED);
            VBox one = new VBox(2, title, why, fix);
            one.getStyleClass().add("detail-risk");
            one.setUserData(risk.rule());
            getChildren().add(one);
        }
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
