package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;

/** One attribute difference side by side: state on the left, AWS on the right, changed words marked. */
final class SideBySide extends VBox {

    private final TextFlow expected = new TextFlow();
    private final TextFlow actual = new TextFlow();

    SideBySide(ObservableValue<String> path, ObservableValue<WordDiff.Sides> sides) {
        super(4);
        getStyleClass().add("side-by-side");
        Label pathLabel = new Label();
        pathLabel.setId("side-path");
        pathLabel.getStyleClass().add(Styles.TEXT_BOLD);
        pathLabel.textProperty().bind(path);
        expected.setId("side-expected");
        actual.setId("side-actual");
        HBox columns = new HBox(8, side("State (expected)", expected), side("AWS (actual)", actual));
        VBox.setVgrow(columns, Priority.ALWAYS);
        getChildren().setAll(pathLabel, columns);
        sides.addListener((obs, old, now) -> show(now));
        show(sides.getValue());
    }

    private static VBox side(String title, TextFlow flow) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_MUTED);
        flow.getStyleClass().add("side-text");
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(60);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox box = new VBox(2, heading, scroll);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(0);
        return box;
    }

    private void show(WordDiff.Sides sides) {
        fill(expected, sides.expected(), "removed-word");
        fill(actual, sides.actual(), "added-word");
    }

    private static void fill(TextFlow flow, List<WordDiff.Part> parts, String changedClass) {
        flow.getChildren().setAll(parts.stream().map(part -> {
            Text text = new Text(part.text());
            text.getStyleClass().add("side-word");
            if (part.changed()) {
                text.getStyleClass().add(changedClass);
            }
            return text;
        }).toList());
    }

    /** The text shown on one side, for tests and accessibility. */
    static String text(TextFlow flow) {
        StringBuilder all = new StringBuilder();
        flow.getChildren().forEach(n -> all.append(((Text) n).getText()));
        return all.toString();
    }
}
