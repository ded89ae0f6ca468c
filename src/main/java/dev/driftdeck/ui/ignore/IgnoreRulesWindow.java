package dev.driftdeck.ui.ignore;

import dev.driftdeck.drift.Finding;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/**
 * The ignore rules in their own window, opened from the header (Ctrl+Shift+I). One window at a time: opening it
 * again brings the existing one to front. The navigation shell may host {@link IgnoreRulesView} directly instead.
 */
public final class IgnoreRulesWindow {

    private Stage stage;

    public void show(Window owner, IgnoreRulesViewModel model, Supplier<List<Finding>> currentFindings, List<String> stylesheets) {
        if (stage != null) {
            model.reload();
            stage.show();
            stage.toFront();
            return;
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Driftdeck: ignore rules");
        Scene scene = new Scene(new IgnoreRulesView(model, currentFindings), 820, 620);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        stage.show();
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
