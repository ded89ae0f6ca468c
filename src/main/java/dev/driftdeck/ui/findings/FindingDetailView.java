package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.AttributeDiff;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/**
 * The selected finding: who it is, where it lives, what changed in plain words (the raw values side by side behind
 * "Raw values") and what to do about it.
 */
public final class FindingDetailView extends StackPane {

    public FindingDetailView(FindingDetailViewModel model) {
        getStyleClass().add("finding-detail");
        setPadding(new Insets(12, 4, 12, 12));

        Label title = new Label();
        title.setId("detail-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(keys, values);
        int row = 0;
        fact(facts, row++, "Address", "detail-address", model.addressProperty());
        fact(facts, row++, "Id", "detail-id", model.idProperty());
        fact(facts, row++, "Type", "detail-type", model.typeProperty());
        fact(facts, row++, "Source", "detail-source", model.sourceProperty());
        fact(facts, row++, "Account / Region", "detail-location", model.locationProperty());
        fact(facts, row, "Note", "detail-note", model.noteProperty());

        Label diffSummary = new Label();
        diffSummary.setId("detail-diff-summary");
        diffSummary.getStyleClass().add(Styles.TEXT_BOLD);
        diffSummary.textProperty().bind(model.diffSummaryProperty());

        Label notCompared = new Label();
        notCompared.setId("detail-not-compared");
        notCompared.setWrapText(true);
        notCompared.getStyleClass().add(Styles.TEXT_MUTED);
        notCompared.textProperty().bind(model.notComparedProperty());
        notCompared.visibleProperty().bind(model.notComparedProperty().isNotEmpty());
        notCompared.managedProperty().bind(notCompared.visibleProperty());

        TableView<AttributeDiff> diffs = new TableView<>(model.diffs());
        diffs.setId("diff-table");
        diffs.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        diffs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        diffs.getColumns().setAll(List.of(
                column("Path", 150, d -> ValueText.path(d.path())),
                headed(column("State", 120, d -> FindingDetailViewModel.valueText(d.expected())), "Expected: the value in Terraform state"),
                headed(column("AWS", 120, d -> FindingDetailViewModel.valueText(d.actual())), "Actual: the live value in AWS"),
                column("Kind", 85, d -> d.kind().name())));
        diffs.getColumns().getLast().setMinWidth(85);
        diffs.setPlaceholder(new Label("No attribute differences"));
        diffs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedDiffProperty().set(now);
            }
        });
        model.selectedDiffProperty().addListener((obs, old, now) -> {
            if (now != null && diffs.getSelectionModel().getSelectedItem() != now) {
                diffs.getSelectionModel().select(now);
            }
        });

        SideBySide sideBySide = new SideBySide(model.selectedPathProperty(), model.sidesProperty());
        sideBySide.visibleProperty().bind(model.selectedDiffProperty().isNotNull());
        sideBySide.managedProperty().bind(sideBySide.visibleProperty());
        SplitPane diffArea = new SplitPane(diffs, sideBySide);
        diffArea.setId("raw-values");
        diffArea.setOrientation(Orientation.VERTICAL);
        diffArea.setDividerPositions(0.4);
        diffArea.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.diffs()).and(model.showRawProperty()));
        diffArea.managedProperty().bind(diffArea.visibleProperty());
        // Never squeezed to nothing by the facts and buttons above: the pane scrolls instead.
        diffArea.setMinHeight(230);
        VBox.setVgrow(diffArea, Priority.ALWAYS);

        VBox changes = ChangeLines.of(model);
        ToggleButton raw = new ToggleButton("Raw values", new FontIcon(Feather.CODE));
        raw.setId("raw-toggle");
        raw.getStyleClass().add(Styles.SMALL);
        raw.setTooltip(new Tooltip("Shows each attribute's value in state and in AWS, side by side"));
        raw.selectedProperty().bindBidirectional(model.showRawProperty());
        raw.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.diffs()));
        raw.managedProperty().bind(raw.visibleProperty());

        Label importBlock = new Label();
        importBlock.setId("detail-import-block");
        importBlock.setWrapText(true);
        importBlock.setStyle("-fx-font-family: monospace");
        importBlock.textProperty().bind(model.importCommandProperty());
        importBlock.visibleProperty().bind(model.importCommandProperty().isNotEmpty());
        importBlock.managedProperty().bind(importBlock.visibleProperty());

        VBox content = new VBox(10, title, new RiskSection(model.findingProperty()),
                new ChangedBySection(model.findingProperty()), facts, actions(model), importBlock, diffSummary,
                notCompared, changes, new FixSection(model.findingProperty(), (text, what) -> copy(model, text, what)),
                raw, diffArea);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.visibleProperty().bind(model.emptyProperty().not());

        Label empty = new Label("Select a finding to see its details (Alt+Down / Alt+Up move through the list)");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(model.emptyProperty());

        getChildren().setAll(empty, scroll);
    }

    private static FlowPane actions(FindingDetailViewModel model) {
        Button importButton = button("copy-import", "Copy import block", Feather.DOWNLOAD,
                "Copies the import block (shown below) for import.tf, then: terraform plan -generate-config-out=generated.tf");
        importButton.setOnAction(e -> copy(model, model.importCommandProperty().get(), "the import block"));
        importButton.visibleProperty().bind(model.importCommandProperty().isNotEmpty());
        importButton.managedProperty().bind(importButton.visibleProperty());

        Button cli = button("copy-cli", "Copy AWS CLI", Feather.TERMINAL, "Copies a read-only AWS CLI command that shows the live resource");
        cli.setOnAction(e -> copy(model, model.cliCommandProperty().get(), "the AWS CLI command"));
        cli.disableProperty().bind(model.cliCommandProperty().isEmpty());

        Button open = button("open-console", "Open in AWS console", Feather.EXTERNAL_LINK, "Opens the resource's page in your browser");
        open.setOnAction(e -> model.openInConsole());
        open.disableProperty().bind(model.consoleUrlProperty().isEmpty());

        Button ignore = button("ignore-finding", "Ignore this finding", Feather.EYE_OFF,
                "Adds TYPE.ID to .driftignore; the next scan reports it as Ignored");
        ignore.setOnAction(e -> model.ignoreFinding());

        Button ignoreAttribute = button("ignore-attribute", "Ignore this attribute", Feather.SLASH,
                "Adds TYPE.ID.PATH for the selected difference to .driftignore");
        ignoreAttribute.setOnAction(e -> model.ignoreSelectedAttribute());
        ignoreAttribute.disableProperty().bind(model.selectedDiffProperty().isNull());
        ignoreAttribute.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.diffs()));
        ignoreAttribute.managedProperty().bind(ignoreAttribute.visibleProperty());

        FlowPane pane = new FlowPane(6, 6, importButton, cli, open, ignore, ignoreAttribute);
        pane.setId("detail-actions");
        return pane;
    }

    /** Clipboard access stays here, on the FX thread, where the click happened. */
    private static void copy(FindingDetailViewModel model, String text, String what) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        model.copied(what);
    }

    private static Button button(String id, String text, Feather icon, String tooltip) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    private static void fact(GridPane grid, int row, String key, String id, ReadOnlyStringProperty value) {
        Label keyLabel = new Label(key);
        keyLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Label valueLabel = new Label();
        valueLabel.setId(id);
        valueLabel.setWrapText(true);
        valueLabel.textProperty().bind(value);
        grid.addRow(row, keyLabel, valueLabel);
    }

    /** A short header with its meaning on hover: the pane is narrow, "Expected (state)" would be cut. */
    private static TableColumn<AttributeDiff, String> headed(TableColumn<AttributeDiff, String> column, String meaning) {
        Label header = new Label(column.getText());
        header.getStyleClass().add(Styles.TEXT_BOLD);
        header.setTooltip(new Tooltip(meaning));
        column.setText(null);
        column.setGraphic(header);
        return column;
    }

    private static TableColumn<AttributeDiff, String> column(String title, double width, Function<AttributeDiff, String> value) {
        TableColumn<AttributeDiff, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // Long JSON values are cut with an ellipsis: the side-by-side view and the tooltip show them whole.
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        return column;
    }
}
