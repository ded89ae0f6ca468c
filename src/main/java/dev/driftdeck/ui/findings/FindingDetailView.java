package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.AttributeDiff;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/** The selected finding: who it is, where it lives, and attribute by attribute what differs. */
public final class FindingDetailView extends StackPane {

    public FindingDetailView(FindingDetailViewModel model) {
        getStyleClass().add("finding-detail");
        setPadding(new Insets(12));

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

        TableView<AttributeDiff> diffs = new TableView<>(model.diffs());
        diffs.setId("diff-table");
        diffs.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        diffs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        diffs.getColumns().setAll(List.of(
                column("Path", 150, AttributeDiff::dottedPath),
                headed(column("State", 120, d -> FindingDetailViewModel.valueText(d.expected())), "Expected: the value in Terraform state"),
                headed(column("AWS", 120, d -> FindingDetailViewModel.valueText(d.actual())), "Actual: the live value in AWS"),
                column("Kind", 85, d -> d.kind().name())));
        diffs.getColumns().getLast().setMinWidth(85);
        diffs.setPlaceholder(new Label("No attribute differences"));
        VBox.setVgrow(diffs, Priority.ALWAYS);

        VBox content = new VBox(10, title, facts, diffSummary, diffs);
        content.visibleProperty().bind(model.emptyProperty().not());

        Label empty = new Label("Select a finding to see its details");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(model.emptyProperty());

        getChildren().setAll(empty, content);
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
        header.setTooltip(new javafx.scene.control.Tooltip(meaning));
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
                // Long JSON values are cut with an ellipsis: the tooltip shows them whole.
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }
}
