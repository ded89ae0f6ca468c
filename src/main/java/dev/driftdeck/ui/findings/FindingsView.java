package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/** The findings table with its search field; all state lives in {@link FindingsViewModel}. */
public final class FindingsView extends BorderPane {

    /** Fixed row height: lets the virtual flow skip measuring 100,000 rows. */
    private static final double ROW_HEIGHT = 30;

    private final TableView<Finding> table = new TableView<>();
    private final TextField search = new TextField();

    public FindingsView(FindingsViewModel model) {
        getStyleClass().add("findings-view");

        search.setId("findings-search");
        search.setPromptText("Search id, address or type  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setPrefColumnCount(28);

        Label shown = new Label();
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        shown.textProperty().bind(model.shownTextProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, new FontIcon(Feather.SEARCH), search, spacer, shown);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));

        table.setId("findings-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.getColumns().setAll(List.of(statusColumn(), column("Type", 160, Finding::type),
                column("Resource", 270, FindingsView::resourceText),
                column("Account / Region", 200, FindingsView::locationText),
                column("Source", 200, f -> f.source() == null ? "" : f.source())));
        model.rows().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.rows());

        Label placeholder = new Label();
        placeholder.getStyleClass().addAll("findings-placeholder", Styles.TEXT_MUTED);
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);

        // Selection flows table -> model; a new scan may clear it model -> table.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        setTop(toolbar);
        setCenter(table);
    }

    public TableView<Finding> table() {
        return table;
    }

    /** Ctrl/Cmd+F lands here. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static TableColumn<Finding, FindingStatus> statusColumn() {
        TableColumn<Finding, FindingStatus> column = new TableColumn<>("Status");
        column.setId("col-status");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        column.setCellFactory(c -> new StatusBadgeCell<>());
        column.setComparator(StatusText.URGENCY);
        // Wide enough for the longest badge, "Not checked", so no status is ever cut.
        column.setPrefWidth(128);
        column.setMinWidth(124);
        return column;
    }

    private static TableColumn<Finding, String> column(String title, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TooltipCell());
        return column;
    }

    /** Long addresses and URIs are cut with an ellipsis: the tooltip shows them whole. */
    private static final class TooltipCell extends javafx.scene.control.TableCell<Finding, String> {
        private final javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tooltip.setText(item);
            setTooltip(empty || item == null || item.isEmpty() ? null : tooltip);
        }
    }

    /** The Terraform address when managed, else the AWS id (unmanaged resources have no address). */
    static String resourceText(Finding f) {
        return f.address() != null ? f.address() : f.id();
    }

    static String locationText(Finding f) {
        String account = f.account() == null ? "—" : f.account();
        return f.region() == null ? account : account + " / " + f.region();
    }
}
