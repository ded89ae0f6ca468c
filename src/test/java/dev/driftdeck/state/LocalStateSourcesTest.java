package dev.driftdeck.state;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStateSourcesTest {

    @TempDir
    Path work;

    @BeforeEach
    void layOutAStatesTree() throws IOException {
        for (String file : List.of(
                "states/prod.tfstate",
                "states/prod.tfstate.backup",
                "states/notes.md",
                "states/team/a/dev.tfstate",
                "states/terraform.tfstate.d/staging/terraform.tfstate",
                "states/.terraform/terraform.tfstate")) {
            Path path = work.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "{}");
        }
        Files.createDirectories(work.resolve("empty"));
    }

    @Test
    void directoryGivesEveryStateUnderItButNotBackupsOrTheProviderCache() throws Exception {
        assertThat(relative(LocalStateSources.resolve("states", work))).containsExactly(
                "states/prod.tfstate",
                "states/team/a/dev.tfstate",
                "states/terraform.tfstate.d/staging/terraform.tfstate");
    }

    @Test
    void doubleStarGlobAlsoMatchesFilesDirectlyUnderItsBase() throws Exception {
        assertThat(relative(LocalStateSources.resolve(work + "/states/**/*.tfstate"))).containsExactly(
                "states/prod.tfstate",
                "states/team/a/dev.tfstate",
                "states/terraform.tfstate.d/staging/terraform.tfstate");
    }

    @Test
    void relativeGlobIsResolvedAgainstTheWorkingDirectory() throws Exception {
        assertThat(relative(LocalStateSources.resolve("states/team/*/*.tfstate", work)))
                .containsExactly("states/team/a/dev.tfstate");
        assertThat(relative(LocalStateSources.resolve("file://states/prod.tfstate", work)))
                .containsExactly("states/prod.tfstate");
    }

    @Test
    void sayWhatMatchedNothing() {
        assertThatThrownBy(() -> LocalStateSources.resolve("states/missing.tfstate", work))
                .hasMessage("State file " + work.resolve("states/missing.tfstate")
                        + " does not exist: check the path or remove the source.");
        assertThatThrownBy(() -> LocalStateSources.resolve("empty", work))
                .hasMessageStartingWith("State directory " + work.resolve("empty") + " holds no *.tfstate file");
        assertThatThrownBy(() -> LocalStateSources.resolve("states/**/*.json", work))
                .hasMessageStartingWith("State glob states/**/*.json matches no file (searched under "
                        + work.resolve("states/") + ")");
    }

    private List<String> relative(List<Path> files) {
        return files.stream().map(f -> work.relativize(f).toString()).toList();
    }
}
