package dev.driftdeck.ui.settings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;

/**
 * The "AWS access" rows of the settings form: profile picker, regions (typed, or ticked in a list), endpoint and
 * "Test access". The choices are read and the test runs through {@link ConsoleServices} off the FX thread.
 */
final class AwsAccessRows {

    private final SettingsViewModel settings;
    private final AwsAccessViewModel access;
    private final ConsoleServices services;
    private final BackgroundTasks tasks;

    AwsAccessRows(SettingsViewModel settings, AwsAccessViewModel access, ConsoleServices services, BackgroundTasks tasks) {
        this.settings = settings;
        this.access = access;
        this.services = services;
        this.tasks = tasks;
        tasks.run(services::awsProfiles, access::showProfiles,
                e -> access.profilesFailed("Could not list the AWS profiles: " + e.getMessage()));
        tasks.run(services::awsRegions, access::showRegions, e -> { });
    }

    /** Adds the rows from {@code row} on; returns the next free row. */
    int addTo(GridPane form, int row) {
        form.addRow(row++, new Label("AWS profile"), profileRow());
        form.addRow(row++, new Label("Regions"), regionsRow());
        TextField endpoint = new TextField();
        endpoint.setId("settings-endpoint");
        endpoint.setPromptText("blank for AWS; http://localhost:5000 for moto");
        endpoint.textProperty().bindBidirectional(settings.endpointUrlProperty());
        form.addRow(row++, new Label("Endpoint URL"), endpoint);
        form.add(testRow(), 1, row++);
        return row;
    }

    private VBox profileRow() {
        ComboBox<String> profile = new ComboBox<>(access.profiles());
        profile.setId("settings-profile");
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return access.label(name);
            }

            @Override
            public String fromString(String label) {
                return label; // not editable: never called with typed text
            }
        });
        profile.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty ? null : access.label(name));
            }
        });
        profile.valueProperty().bindBidirectional(settings.profileProperty());
        Label problem = new Label();
        problem.setId("settings-profiles-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(access.profilesProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, profile, problem);
    }

    private HBox regionsRow() {
        TextField regions = new TextField();
        regions.setId("settings-regions");
        regions.setPromptText("eu-west-1, us-east-1 (empty: the profile's region)");
        regions.textProperty().bindBidirectional(settings.regionsProperty());
        HBox.setHgrow(regions, Priority.ALWAYS);
        HBox row = new HBox(6, regions, regionPicker());
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * "Choose…": a filter and a tick per region the SDK knows. The ticks follow the field each time the list opens
     * and edit it when clicked; the list stays open for the next tick.
     */
    private MenuButton regionPicker() {
        MenuButton picker = new MenuButton("Choose…");
        picker.setId("settings-region-picker");
        TextField filter = new TextField();
        filter.setId("settings-region-filter");
        filter.setPromptText("Filter: eu-, Frankfurt…");
        VBox ticks = new VBox(4);
        ScrollPane scroll = new ScrollPane(ticks);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(240);
        scroll.setPrefViewportWidth(300);
        CustomMenuItem list = new CustomMenuItem(new VBox(6, filter, scroll));
        list.setHideOnClick(false);
        picker.getItems().setAll(list);
        picker.setOnShowing(e -> {
            if (ticks.getChildren().isEmpty()) {
                access.regionNames().forEach((id, name) -> ticks.getChildren().add(tick(id, name)));
            }
            ticks.getChildren().forEach(node -> ((CheckBox) node).setSelected(access.regionChosen((String) node.getUserData())));
            filter.clear();
        });
        filter.textProperty().addListener((obs, old, typed) -> ticks.getChildren().forEach(node -> node.setVisible(
                ((CheckBox) node).getText().toLowerCase(Locale.ROOT).contains(typed.strip().toLowerCase(Locale.ROOT)))));
        return picker;
    }

    private CheckBox tick(String region, String name) {
        CheckBox tick = new CheckBox(region + "  " + name);
        tick.setId("settings-region-" + region);
        tick.setUserData(region);
        tick.managedProperty().bind(tick.visibleProperty());
        tick.setOnAction(a -> access.chooseRegion(region, tick.isSelected()));
        return tick;
    }

    private VBox testRow() {
        Button test = new Button("Test access");
        test.setId("settings-test-access");
        test.disableProperty().bind(access.accessProperty().isEqualTo(AwsAccessViewModel.Access.TESTING));
        Label answer = new Label();
        answer.setId("settings-access-result");
        answer.setWrapText(true);
        // The whole answer, fix included, however long: the row grows and the dialog grows with it.
        answer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        answer.textProperty().bind(access.accessTextProperty());
        answer.textProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
            if (answer.getScene() != null && answer.getScene().getWindow() != null) {
                answer.getScene().getWindow().sizeToScene();
            }
        }));
        access.accessProperty().addListener((obs, old, now) -> {
            answer.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
            answer.getStyleClass().add(switch (now) {
                case OK -> Styles.SUCCESS;
                case FAILED -> Styles.DANGER;
                case NOT_TESTED, TESTING -> Styles.TEXT_MUTED;
            });
        });
        answer.getStyleClass().add(Styles.TEXT_MUTED);
        test.setOnAction(e -> {
            String profile = settings.profileProperty().get();
            List<String> regions = settings.regionList();
            String endpoint = settings.endpointUrlProperty().get();
            access.testing();
            tasks.run(() -> services.testAwsAccess(profile, regions, endpoint), access::show,
                    failure -> access.testFailed("Could not test AWS access: " + failure.getMessage()));
        });
        return new VBox(4, test, answer);
    }
}
