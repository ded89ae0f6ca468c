package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.fix.FindingFixes;
import dev.driftdeck.fix.FixSnippet;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Fix": the finding's remediation snippets (accept in code, revert in AWS, recreate, forget), each in a read-only
 * text box with its own copy button. Driftdeck never runs them. Hidden when the finding has none. The snippets are a
 * pure function of the immutable finding, cheap enough for the FX thread on a selection.
 */
final class FixSection extends VBox {

    private final BiConsumer<String, String> copy;

    /** @param copy puts a text on the clipboard: (text, what it is, for the confirmation) */
    FixSection(ReadOnlyObjectProperty<Finding> finding, BiConsumer<String, String> copy) {
        super(6);
        this.copy = copy;
        setId("detail-fix");
        getStyleClass().add("detail-fix");
        finding.addListener((obs, old, now) -> show(now));
        show(finding.get());
    }

    private void show(Finding finding) {
        getChildren().clear();
        // The import block has its own place and copy button above (the import command's); the rest is here.
        List<FixSnippet> snippets = finding == null ? List.of() : FindingFixes.of(finding).stream()
                .filter(snippet -> !snippet.action().equals(FindingFixes.IMPORT)).toList();
        setVisible(!snippets.isEmpty());
        setManaged(!snippets.isEmpty());
        if (snippets.isEmpty()) {
            return;
        }
        Label heading = new Label("Fix");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label never = new Label("Copy a snippet and review it: Driftdeck never runs it.");
        never.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(heading, never);
        for (FixSnippet snippet : snippets) {
            getChildren().add(snippet(snippet));
        }
    }

    private VBox snippet(FixSnippet snippet) {
        String key = snippet.action().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Label action = new Label(snippet.action());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copyButton = new Button("Copy", new FontIcon(Feather.COPY));
        copyButton.setId("copy-fix-" + key);
        copyButton.getStyleClass().add(Styles.SMALL);
        copyButton.setTooltip(new Tooltip("Copies this " + (snippet.language().equals(FixSnippet.HCL)
                ? "Terraform configuration" : "command") + " to the clipboard"));
        copyButton.setOnAction(e -> copy.accept(snippet.text(), "the " + snippet.action().toLowerCase(java.util.Locale.ROOT)
                + " snippet"));
        TextArea text = new TextArea(snippet.text());
        text.setId("fix-" + key);
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount((int) Math.min(14, snippet.text().lines().count() + 1));
        text.getStyleClass().add("fix-snippet");
        text.setStyle("-fx-font-family: monospace;");
        return new VBox(2, new HBox(6, action, spacer, copyButton), text);
    }
}
