package dev.driftdeck.ui.sources;

import dev.driftdeck.ui.BackgroundTasks;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the Sources view in its own window, so the console's layout stays as it is. */
public final class SourcesWindow {

    private SourcesWindow() {
    }

    public static Stage open(Window owner, SourcesServices services, BackgroundTasks tasks) {
        SourcesViewModel model = new SourcesViewModel(services, tasks);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Driftdeck: state sources");
        Scene scene = new Scene(new SourcesView(model), 1150, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> model.close());
        stage.show();
        model.refresh();
        return stage;
    }
}
