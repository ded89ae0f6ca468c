package dev.driftdeck.ui.sources;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the operator for a state file or a folder of them. The desktop's own dialogs sit behind it
 * ({@link #system()}); a native dialog cannot be clicked by a headless test, which passes its own answer instead.
 * Everything after the choice (checking, saving) is the same code either way.
 */
public interface PathChooser {

    /** A {@code .tfstate} file, or empty when the operator cancelled. FX thread. */
    Optional<Path> chooseStateFile(Window owner);

    /** A folder whose {@code *.tfstate} files are read, or empty when the operator cancelled. FX thread. */
    Optional<Path> chooseFolder(Window owner);

    /** The desktop's file and folder dialogs. */
    static PathChooser system() {
        return new PathChooser() {
            @Override
            public Optional<Path> chooseStateFile(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Add a Terraform state file");
                chooser.getExtensionFilters().setAll(
                        new FileChooser.ExtensionFilter("Terraform state (*.tfstate)", "*.tfstate"),
                        new FileChooser.ExtensionFilter("Every file", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseFolder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Add a folder of Terraform states (every *.tfstate under it)");
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }
        };
    }
}
