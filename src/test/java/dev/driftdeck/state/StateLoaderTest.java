package dev.driftdeck.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StateLoaderTest {

    @TempDir
    Path work;

    @Test
    void oneBrokenSourceNeverStopsTheOthers() throws Exception {
        Files.copy(TfStateParserTest.resource("shapes.tfstate"), work.resolve("good.tfstate"));
        Files.copy(TfStateParserTest.resource("edge/truncated.tfstate"), work.resolve("broken.tfstate"));
        Files.createDirectories(work.resolve("envs/prod"));
        Files.copy(TfStateParserTest.resource("moto-foundation.tfstate"), work.resolve("envs/prod/terraform.tfstate"));
        StateLoader loader = new StateLoader(new TfStateParser(), work);

        List<LoadedState> loaded = loader.load(List.of(
                "broken.tfstate", "missing.tfstate", "s3://tf-states/prod.tfstate", "good.tfstate", "envs"));

        assertThat(loaded).extracting(LoadedState::uri).containsExactly(
                work.resolve("broken.tfstate").toString(),
                "missing.tfstate",
                "s3://tf-states/prod.tfstate",
                work.resolve("good.tfstate").toString(),
                work.resolve("envs/prod/terraform.tfstate").toString());
        assertThat(loaded.get(0)).isInstanceOfSatisfying(LoadedState.Failed.class,
                f -> assertThat(f.message()).contains("broken.tfstate is not valid JSON"));
        assertThat(loaded.get(1)).isInstanceOfSatisfying(LoadedState.Failed.class,
                f -> assertThat(f.message()).contains("missing.tfstate does not exist"));
        assertThat(loaded.get(2)).isInstanceOfSatisfying(LoadedState.Failed.class,
                f -> assertThat(f.message()).contains("this build reads no S3 state"));
        assertThat(loaded.get(3)).isInstanceOfSatisfying(LoadedState.Loaded.class,
                l -> assertThat(l.snapshot().resources()).hasSize(5));
        assertThat(loaded.get(4)).isInstanceOfSatisfying(LoadedState.Loaded.class, l -> {
            assertThat(l.snapshot().serial()).isEqualTo(23);
            assertThat(l.snapshot().resources()).hasSize(21)
                    .allSatisfy(r -> assertThat(r.sourceUri()).isEqualTo(l.uri()));
        });
    }
}
