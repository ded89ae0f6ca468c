package dev.driftdeck.ui.comfort;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.findings.FindingsViewModel;
import javafx.beans.property.StringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the window's size and position, the findings table's column widths and the filters, and puts them
 * back on the next launch. A remembered position that no longer lies on any screen (a monitor was unplugged) is
 * dropped, so the window never opens out of reach.
 */
public final class WindowMemory {

    private final PreferenceStore preferences;

    public WindowMemory(PreferenceStore preferences) {
        this.preferences = preferences;
    }

    /** Restores size and position before the stage is shown; saves them whenever they change. */
    public void window(Stage stage) {
        double x = preferences.getDouble("window.x", Double.NaN);
        double y = preferences.getDouble("window.y", Double.NaN);
        double w = preferences.getDouble("window.width", Double.NaN);
        double h = preferences.getDouble("window.height", Double.NaN);
        if (!Double.isNaN(w) && !Double.isNaN(h)) {
            stage.setWidth(w);
            stage.setHeight(h);
        }
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized("true".equals(preferences.get("window.maximized", "false")));
        stage.xProperty().addListener((obs, old, now) -> save(stage, "window.x", now.doubleValue()));
        stage.yProperty().addListener((obs, old, now) -> save(stage, "window.y", now.doubleValue()));
        stage.widthProperty().addListener((obs, old, now) -> save(stage, "window.width", now.doubleValue()));
        stage.heightProperty().addListener((obs, old, now) -> save(stage, "window.height", now.doubleValue()));
        stage.maximizedProperty().addListener((obs, old, now) -> preferences.put("window.maximized", now.toString()));
    }

    private void save(Stage stage, String key, double value) {
        // A maximized window's bounds are the screen's: keep the normal size for when it is restored.
        if (!stage.isMaximized() && !stage.isIconified() && !Double.isNaN(value)) {
            preferences.put(key, Double.toString(value));
        }
    }

    /** Restores each column's width by its id and saves it when the operator drags it. */
    public void columns(TableView<?> table) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getId() == null) {
                continue;
            }
            String key = "column." + column.getId();
            double width = preferences.getDouble(key, Double.NaN);
            if (!Double.isNaN(width) && width >= column.getMinWidth()) {
                column.setPrefWidth(width);
            }
            column.widthProperty().addListener((obs, old, now) -> preferences.put(key, Double.toString(now.doubleValue())));
        }
    }

    /** Restores the status, picker and search filters, and saves each change. */
    public void filters(FindingsViewModel findings) {
        String status = preferences.get("filter.status", null);
        if (status != null) {
            try {
                findings.statusFilterProperty().set(FindingStatus.valueOf(status));
            } catch (IllegalArgumentException unknown) {
                preferences.remove("filter.status");
            }
        }
        findings.statusFilterProperty().addListener((obs, old, now) -> preferences.put("filter.status", now == null ? null : now.name()));
        remember(findings.searchTextProperty(), "filter.text");
        remember(findings.pickers().type(), "filter.type");
        remember(findings.pickers().account(), "filter.account");
        remember(findings.pickers().region(), "filter.region");
        remember(findings.pickers().source(), "filter.source");
    }

    private void remember(StringProperty property, String key) {
        String value = preferences.get(key, null);
        if (value != null) {
            property.set(value);
        }
        property.addListener((obs, old, now) -> preferences.put(key, now == null || now.isEmpty() ? null : now));
    }
}
