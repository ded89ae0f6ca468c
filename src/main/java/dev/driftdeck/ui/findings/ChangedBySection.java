package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.drift.Finding;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Who changed the finding's resource, from CloudTrail: "Changed by alice via console, 2 h ago", then each write event
 * since it was last seen in sync, newest first. Hidden when nothing was looked up (no drift). Built from the
 * immutable finding.
 */
final class ChangedBySection extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Clock clock;

    ChangedBySection(ReadOnlyObjectProperty<Finding> finding) {
        this(finding, Clock.systemUTC());
    }

    ChangedBySection(ReadOnlyObjectProperty<Finding> finding, Clock clock) {
        super(2);
        this.clock = clock;
        setId("detail-changed-by");
        finding.addListener((obs, old, now) -> show(now));
        show(finding.get());
    }

    private void show(Finding finding) {
        getChildren().clear();
        String headline = finding == null ? null : finding.changedBy().headline(clock.instant());
        setVisible(headline != null);
        setManaged(headline != null);
        if (headline == null) {
            return;
        }
        Label summary = new Label(headline);
        summary.setId("detail-changed-by-headline");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setWrapText(true);
        // keep the wrapped height: squeezed by the detail pane, a label cuts itself to "…" instead
        summary.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().add(summary);
        for (ChangeEvent event : finding.changedBy().events()) {
            Label line = new Label(TIME.format(event.time()) + "  " + event.event() + "  by " + event.principal()
                    + " via " + event.via().label() + " from " + Objects.toString(event.sourceIp(), "?")
                    + (event.userAgent() == null ? "" : "  (" + event.userAgent() + ")"));
            line.getStyleClass().addAll("detail-change-event", Styles.TEXT_SMALL);
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(line);
        }
    }
}
