package dev.driftdeck.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderMirrorTest {

    @TempDir
    Path dir;

    @Test
    void tfPluginMirrorWinsWhenItHoldsTheProvider() throws Exception {
        Path chosen = Files.createDirectories(dir.resolve("chosen").resolve(ProviderMirror.PROVIDER)).getParent()
                .getParent().getParent();
        Files.createDirectories(dir.resolve("home/.terraform.d/plugins").resolve(ProviderMirror.PROVIDER));

        assertThat(ProviderMirror.find(Map.of("TF_PLUGIN_MIRROR", chosen.toString()), dir.resolve("home"), dir.resolve("none")))
                .isEqualTo(chosen);
    }

    @Test
    void aTfPluginMirrorWithoutTheProviderIsNamedInTheError() {
        assertThatThrownBy(() -> ProviderMirror.find(Map.of("TF_PLUGIN_MIRROR", dir.toString()), dir, dir.resolve("none")))
                .hasMessageContaining("TF_PLUGIN_MIRROR=" + dir)
                .hasMessageContaining("has no registry.terraform.io/hashicorp/aws");
    }

    @Test
    void withoutTheVariableTheImpliedLocalMirrorsAreSearchedInTerraformsOrder() throws Exception {
        Path home = dir.resolve("home");
        Path xdg = dir.resolve("xdg-data");
        Files.createDirectories(xdg.resolve("terraform/plugins").resolve(ProviderMirror.PROVIDER));
        Path system = dir.resolve("system");
        Files.createDirectories(system.resolve("terraform/plugins").resolve(ProviderMirror.PROVIDER));
        Map<String, String> env = Map.of("XDG_DATA_HOME", xdg.toString(), "XDG_DATA_DIRS", system.toString());

        assertThat(ProviderMirror.find(env, home, dir.resolve("none"))).isEqualTo(xdg.resolve("terraform/plugins"));

        Files.createDirectories(home.resolve(".terraform.d/plugins").resolve(ProviderMirror.PROVIDER));
        assertThat(ProviderMirror.find(env, home, dir.resolve("none"))).isEqualTo(home.resolve(".terraform.d/plugins"));
    }

    @Test
    void noMirrorAnywhereSaysWhereItLookedAndWhatToSet() {
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("a").toString(),
                "XDG_DATA_DIRS", dir.resolve("b").toString());
        Path home = dir.resolve("home");
        Path machineDefault = dir.resolve("opt-tf-plugins");

        assertThatThrownBy(() -> ProviderMirror.find(env, home, machineDefault))
                .hasMessageContaining(home.resolve(".terraform.d/plugins").toString())
                .hasMessageContaining(machineDefault.toString())
                .hasMessageContaining("Set TF_PLUGIN_MIRROR");
        assertThat(ProviderMirror.candidates(env, home, machineDefault)).containsExactly(
                home.resolve(".terraform.d/plugins"), dir.resolve("a/terraform/plugins"),
                dir.resolve("b/terraform/plugins"), machineDefault);
    }
}
