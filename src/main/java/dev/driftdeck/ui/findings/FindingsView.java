package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingAge;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The findings table with its search field and pickers; all state lives in {@link FindingsViewModel}. */
public final class FindingsView extends BorderPane {

    /** Fixed row height: lets the virtual flow skip measuring 100,000 rows. */
    private static final double ROW_HEIGHT = 30;
    private static final DateTimeFormatter AGE_FORMAT = DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final FindingsViewModel model;
    private final TableView<Finding> table = new TableView<>();
    private final TextField search = new TextField();

    public FindingsView(FindingsViewModel model) {
        this.model = model;
        getStyleClass().add("findings-view");

        search.setId("findings-search");
        search.setPromptText("Search id, address, account, note, attribute…  (Ctrl+F)");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setPrefColumnCount(26);
        // Esc in the search box clears every filter: the quickest way back to the whole scan.
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.clearFilters();
                e.consume();
            }
        });

        Label shown = new Label();
        shown.setId("findings-shown");
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        shown.textProperty().bind(model.shownTextProperty());

        Pickers pickers = model.pickers();
        HBox searchRow = new HBox(8, new FontIcon(Feather.SEARCH), search, shown, fixPlanButton(model),
                importButton(model));
        searchRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        // the search field gives way when the detail pane narrows the row; the count and the exports keep their words
        searchRow.getChildren().stream().filter(node -> node != search && node instanceof Region)
                .forEach(node -> ((Region) node).setMinWidth(Region.USE_PREF_SIZE));
        search.setMinWidth(120);
        FlowPane pickerRow = new FlowPane(8, 6,
                new PickerBox("picker-type", "All types", pickers.type(), pickers.typeOptions()),
                new PickerBox("picker-account", "All accounts", pickers.account(), pickers.accountOptions()),
                new PickerBox("picker-region", "All regions", pickers.region(), pickers.regionOptions()),
                new PickerBox("picker-source", "All sources", pickers.source(), pickers.sourceOptions()));
        pickerRow.setAlignment(Pos.CENTER_LEFT);
        pickerRow.getChildren().add(new SeverityChips(model.severityFilterProperty()));
        Label hint = new Label();
        hint.setId("findings-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("findings-hint");
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(hint.textProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());

        Label fixPlanMessage = exportMessage("fix-plan-message", model.fixPlan());
        Label importMessage = exportMessage("import-tf-message", model.importFile());

        VBox top = new VBox(6, searchRow, pickerRow, hint, fixPlanMessage, importMessage);
        top.setPadding(new Insets(0, 0, 8, 0));

        table.setId("findings-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setFixedCellSize(ROW_HEIGHT);
        // Columns keep their widths and the table scrolls sideways: squeezing seven columns into the pane's width made
        // every one of them unreadable.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Several rows (Shift/Ctrl) choose what "Export import.tf…" writes; the detail pane shows the last one chosen.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().setAll(List.of(
                column(FindingColumn.SEVERITY, 90, f -> f.severity() == null ? "" : f.severity().label()),
                statusColumn(),
                column(FindingColumn.TYPE, 190, Finding::type),
                column(FindingColumn.RESOURCE, 280, FindingsView::resourceText),
                column(FindingColumn.LOCATION, 190, FindingsView::locationText),
                column(FindingColumn.SOURCE, 200, f -> f.source() == null ? "" : f.source()),
                ageColumn(FindingColumn.FIRST_SEEN, 105, model, FindingAge::firstSeen),
                ageColumn(FindingColumn.DRIFTED_SINCE, 110, model, FindingAge::driftedSince),
                column(FindingColumn.CHANGED_BY, 150, f -> f.changedBy().shortText())));
        // Sorting happens in the view model, off the FX thread, on the findings' own fields.
        table.setSortPolicy(t -> {
            model.sortBy(sortKeys());
            return true;
        });
        table.itemsProperty().bind(model.rowsProperty());

        Label placeholder = new Label();
        placeholder.getStyleClass().addAll("findings-placeholder", Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);

        // Selection flows table -> model; a new scan or next/previous moves it model -> table.
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<Finding>) change ->
                model.selectedRowsProperty().set(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).toList()));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                // the model moved (next/previous, a new scan): one row, as a click would leave it
                int index = table.getItems().indexOf(now);
                if (index >= 0) {
                    table.getSelectionModel().clearAndSelect(index);
                }
                table.scrollTo(Math.max(0, table.getSelectionModel().getSelectedIndex() - 3));
            }
        });

        setTop(top);
        setCenter(table);
    }

    /** "Export fix plan…": the desktop's save dialog asks where (tests set their own chooser on the view model). */
    private javafx.scene.control.Button fixPlanButton(FindingsViewModel model) {
        model.fixPlan().setTargetChooser(name -> {
            javafx.stage.FileChooser dialog = new javafx.stage.FileChooser();
            dialog.setTitle("Export the fix plan of the findings on screen");
            dialog.setInitialFileName(name);
            dialog.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
            return java.util.Optional.ofNullable(dialog.showSaveDialog(getScene().getWindow())).map(java.io.File::toPath);
        });
        javafx.scene.control.Button button = new javafx.scene.control.Button("Export fix plan…", new FontIcon(Feather.TOOL));
        button.setId("export-fix-plan");
        button.getStyleClass().add(Styles.SMALL);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "Writes a Markdown fix plan for the findings on screen: the snippets to accept, revert, recreate or forget"));
        button.disableProperty().bind(model.reportProperty().isNull());
        button.setOnAction(e -> model.exportFixPlan());
        return button;
    }

    /**
     * "Import 3 selected…" / "Import all 12 shown…": writes import.tf for the unmanaged findings it names (the
     * desktop's save dialog asks where; tests set their own chooser on the view model).
     */
    private javafx.scene.control.Button importButton(FindingsViewModel model) {
        model.importFile().setTargetChooser(name -> {
            javafx.stage.FileChooser dialog = new javafx.stage.FileChooser();
            dialog.setTitle("Export import.tf");
            dialog.setInitialFileName(name);
            dialog.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Terraform (*.tf)", "*.tf"));
            return java.util.Optional.ofNullable(dialog.showSaveDialog(getScene().getWindow())).map(java.io.File::toPath);
        });
        javafx.scene.control.Button button = new javafx.scene.control.Button("", new FontIcon(Feather.DOWNLOAD));
        button.setId("export-import-tf");
        button.getStyleClass().add(Styles.SMALL);
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
        button.setTooltip(tooltip);
        model.importChoiceProperty().subscribe(choice -> {
            button.setText(choice.label() + "…");
            tooltip.setText("Export import.tf: an import block for each of the " + choice.findings().size()
                    + (choice.selected() ? " selected" : " shown") + " unmanaged finding(s)"
                    + (choice.selected() ? "" : "; select two rows or more (Shift/Ctrl) to import only those"));
        });
        button.disableProperty().bind(model.reportProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> model.importChoiceProperty().get().isEmpty(),
                        model.importChoiceProperty())));
        button.setOnAction(e -> model.exportImportFile());
        return button;
    }

    private static Label exportMessage(String id, FindingsExport export) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(export.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }

    public TableView<Finding> table() {
        return table;
    }

    /** Ctrl/Cmd+F lands here. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private List<FindingColumn.SortKey> sortKeys() {
        List<FindingColumn.SortKey> keys = new ArrayList<>();
        for (TableColumn<Finding, ?> column : table.getSortOrder()) {
            if (column.getUserData() instanceof FindingColumn id) {
                keys.add(new FindingColumn.SortKey(id, column.getSortType() == TableColumn.SortType.ASCENDING));
            }
        }
        return keys;
    }

    private static String age(FindingsViewModel model, Finding f, Function<FindingAge, Instant> which) {
        Optional<Instant> at = model.agesProperty().get().of(f.key()).map(which);
        return at.map(AGE_FORMAT::format).orElse("");
    }

    private static TableColumn<Finding, FindingStatus> statusColumn() {
        TableColumn<Finding, FindingStatus> column = new TableColumn<>(FindingColumn.STATUS.title());
        column.setId("col-status");
        column.setUserData(FindingColumn.STATUS);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        column.setCellFactory(c -> new StatusBadgeCell<>());
        // Wide enough for the longest badge, "Not checked", so no status is ever cut.
        column.setPrefWidth(128);
        column.setMinWidth(124);
        return column;
    }

    private static TableColumn<Finding, String> column(FindingColumn id, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> column = textColumn(id, width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<Finding, String> textColumn(FindingColumn id, double width) {
        TableColumn<Finding, String> column = new TableColumn<>(id.title());
        column.setId("col-" + id.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        column.setUserData(id);
        column.setPrefWidth(width);
        column.setCellFactory(c -> new TooltipCell());
        return column;
    }

    /**
     * A date from the finding's history. The cell's value follows the ages property, so the visible cells update when
     * the ages change; {@code table.refresh()} did that by recreating every row and cell of the table (new skins and
     * their CSS, seen in JFR on the FX thread after each new scan; issue 8, pulse latency).
     */
    private static TableColumn<Finding, String> ageColumn(FindingColumn id, double width, FindingsViewModel model,
                                                          Function<FindingAge, Instant> which) {
        TableColumn<Finding, String> column = textColumn(id, width);
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> age(model, c.getValue(), which),
                model.agesProperty()));
        return column;
    }

    /**
     * Long addresses and URIs are cut with an ellipsis: the tooltip shows them whole. The tooltip is made when the
     * pointer first enters the cell: one per visible cell up front (a popup control with its own CSS) showed up in
     * JFR on the FX thread whenever cells were made (issue 8, pulse latency).
     */
    private static final class TooltipCell extends javafx.scene.control.TableCell<Finding, String> {
        private javafx.scene.control.Tooltip tooltip;

        TooltipCell() {
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                if (tooltip == null) {
                    tooltip = new javafx.scene.control.Tooltip();
                    showWholeText();
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            if (tooltip != null) {
                showWholeText();
            }
        }

        private void showWholeText() {
            String item = getItem();
            boolean hasText = !isEmpty() && item != null && !item.isEmpty();
            tooltip.setText(hasText ? item : null);
            setTooltip(hasText ? tooltip : null);
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
