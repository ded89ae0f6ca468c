package dev.driftdeck.ui.overview;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first-run guide's card: three rows ({@code #guide-step-sources}, {@code -access}, {@code -scan}), each with its
 * tick (pseudo-class {@code :done}), what is still to do, and a button that opens the place that does it.
 */
public final class FirstRunGuideView extends VBox {

    /** Set on a step's row once it is done. */
    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    /** What the guide's buttons do; the console owns the pages and the dialog. */
    public record Actions(Runnable openSources, Runnable openAccess, Runnable scanNow,
                          ObservableBooleanValue scanDisabled) {
    }

    public FirstRunGuideView(FirstRunGuide guide, Actions actions) {
        super(10);
        setId("first-run-guide");
        getStyleClass().addAll("overview-card", "first-run-guide");
        setPadding(new Insets(12, 14, 12, 14));
        visibleProperty().bind(guide.visibleProperty());
        managedProperty().bind(visibleProperty());

        Label title = new Label("Get started");
        title.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button hide = new Button("Hide", new FontIcon(Feather.X));
        hide.setId("guide-hide");
        hide.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        hide.setOnAction(e -> guide.hide());
        HBox heading = new HBox(8, title, spacer, hide);
        heading.setAlignment(Pos.CENTER_LEFT);

        Button openSources = new Button("Open Sources");
        openSources.setId("guide-open-sources");
        openSources.setOnAction(e -> actions.openSources().run());
        Button openAccess = new Button("Open AWS access");
        openAccess.setId("guide-open-access");
        openAccess.setOnAction(e -> actions.openAccess().run());
        Button scanNow = new Button("Scan now", new FontIcon(Feather.REFRESH_CW));
        scanNow.setId("guide-scan-now");
        scanNow.getStyleClass().add(Styles.ACCENT);
        scanNow.setOnAction(e -> actions.scanNow().run());
        scanNow.disableProperty().bind(actions.scanDisabled());

        getChildren().addAll(heading,
                step("sources", "1. Add a state source", guide.sourcesDoneProperty(), guide.sourcesTextProperty(), openSources),
                step("access", "2. Set up AWS access", guide.accessDoneProperty(), guide.accessTextProperty(), openAccess),
                step("scan", "3. Run the first scan", guide.scanDoneProperty(), guide.scanTextProperty(), scanNow));
    }

    private static HBox step(String id, String title, ObservableBooleanValue done, ObservableStringValue text, Button open) {
        FontIcon tick = new FontIcon();
        tick.getStyleClass().add("guide-tick");
        Label name = new Label(title);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = new Label();
        detail.setId("guide-text-" + id);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        detail.textProperty().bind(text);
        VBox words = new VBox(2, name, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(12, tick, words, open);
        row.setId("guide-step-" + id);
        row.getStyleClass().add("guide-step");
        row.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            tick.setIconCode(done.get() ? Feather.CHECK_CIRCLE : Feather.CIRCLE);
            row.pseudoClassStateChanged(DONE, done.get());
        };
        done.addListener((obs, was, now) -> show.run());
        show.run();
        return row;
    }
}
