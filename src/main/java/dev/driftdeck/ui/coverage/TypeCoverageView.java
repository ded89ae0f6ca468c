package dev.driftdeck.ui.coverage;

import dev.driftdeck.drift.FindingStatus;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Coverage page: one row per type with its scope, attribute coverage, the last scan's counts and why anything
 * was not checked. Double-click (or Enter on) a type with findings to see them on the Findings page.
 */
public final class TypeCoverageView extends VBox {

    public TypeCoverageView(TypeCoverageViewModel model, Consumer<String> showFindingsOfType) {
        super(8);
        setId("coverage-page");
        setPadding(new Insets(12));

        Label title = new Label("Coverage");
        title.getStyleClass().add("title-3");
        Label summary = new Label();
        summary.setId("coverage-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());

        TextField filter = new TextField();
        filter.setId("coverage-filter");
        filter.setPromptText("Filter types, e.g. s3 or aws_iam_");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        CheckBox onlyInScan = new CheckBox("Only types in the last scan");
        onlyInScan.setId("coverage-only-in-scan");
        onlyInScan.selectedProperty().bindBidirectional(model.onlyInScanProperty());
        HBox tools = new HBox(10, filter, onlyInScan);
        tools.setAlignment(Pos.CENTER_LEFT);

        TableView<TypeCoverageRow> table = table(showFindingsOfType);
        table.setItems(model.rows());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, summary, tools, table);
    }

    private static TableView<TypeCoverageRow> table(Consumer<String> showFindingsOfType) {
        TableView<TypeCoverageRow> table = new TableView<>();
        table.setId("coverage-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No type matches the filter."));

        TableColumn<TypeCoverageRow, String> type = text("Type", row -> row.aliasOf() == null ? row.type()
                : row.type() + " (= " + row.aliasOf() + ")");
        type.setPrefWidth(290);
        type.setMinWidth(200);
        TableColumn<TypeCoverageRow, String> scope = text("Scope", row -> row.supported() ? row.scope() : "not supported");
        scope.setMinWidth(90);
        TableColumn<TypeCoverageRow, String> attributes = text("Compared", TypeCoverageRow::attributes);
        attributes.setMinWidth(95);
        table.getColumns().addAll(java.util.List.of(type, scope, attributes,
                count("Managed", TypeCoverageRow::managed), count("Changed", row -> row.count(FindingStatus.CHANGED)),
                count("Missing", row -> row.count(FindingStatus.MISSING)),
                count("Unmanaged", row -> row.count(FindingStatus.UNMANAGED)),
                count("Not checked", row -> row.count(FindingStatus.NOT_CHECKED)), why()));

        table.setRowFactory(view -> {
            TableRow<TypeCoverageRow> row = new TableRow<>() {
                @Override
                protected void updateItem(TypeCoverageRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("not-checked"),
                            !empty && item != null && item.hasNotChecked());
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty() && row.getItem().total() > 0) {
                    showFindingsOfType.accept(row.getItem().type());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            TypeCoverageRow selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == javafx.scene.input.KeyCode.ENTER && selected != null && selected.total() > 0) {
                showFindingsOfType.accept(selected.type());
            }
        });
        return table;
    }

    private static TableColumn<TypeCoverageRow, String> text(String title,
                                                            java.util.function.Function<TypeCoverageRow, String> value) {
        TableColumn<TypeCoverageRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    /** A count column: blank when there was no scan of the type, so zero means "none found". */
    private static TableColumn<TypeCoverageRow, Long> count(String title, ToLongFunction<TypeCoverageRow> value) {
        TableColumn<TypeCoverageRow, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().tally() == null ? null : value.applyAsLong(cell.getValue())));
        column.setMinWidth(title.length() > 8 ? 105 : 90);
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static TableColumn<TypeCoverageRow, String> why() {
        TableColumn<TypeCoverageRow, String> column = text("Why not checked", TypeCoverageRow::why);
        column.setPrefWidth(240);
        column.setMinWidth(160);
        column.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        return column;
    }
}
