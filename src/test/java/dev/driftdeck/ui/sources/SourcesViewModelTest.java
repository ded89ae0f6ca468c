package dev.driftdeck.ui.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.state.s3.StateSourceValidator;
import dev.driftdeck.ui.BackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/** The Sources page's logic without a stage: the URI field checked as typed, Add, Add file/folder, Remove. */
class SourcesViewModelTest {

    @TempDir
    Path dir;

    /** The list as the settings store would keep it, checked by the real validator. */
    private final List<String> saved = new ArrayList<>();

    private SourcesServices services() {
        StateSourceValidator validator = new StateSourceValidator(dir, ProfileFile.builder()
                .type(ProfileFile.Type.CONFIGURATION).content(new StringInputStream("[default]\n")).build());
        return new SourcesServices() {
            @Override
            public List<SourceLine> sources() {
                return List.of();
            }

            @Override
            public dev.driftdeck.schedule.RunNowResult syncNow() {
                return dev.driftdeck.schedule.RunNowResult.started();
            }

            @Override
            public List<String> configured() {
                return List.copyOf(saved);
            }

            @Override
            public void saveConfigured(List<String> uris) {
                saved.clear();
                saved.addAll(uris);
            }

            @Override
            public Optional<String> problem(String uri) {
                return validator.problem(uri);
            }

            @Override
            public Optional<String> typingProblem(String uri) {
                return validator.typingProblem(uri);
            }
        };
    }

    @Test
    void anS3UriIsCheckedAsItIsTypedAndAddedWhenItPasses() {
        SourcesViewModel model = new SourcesViewModel(services(), BackgroundTasks.sameThread());
        AtomicInteger savedCalls = new AtomicInteger();
        model.setOnSaved(savedCalls::incrementAndGet);

        model.inputProperty().set("s3://Bad_Bucket/prod.tfstate");
        assertThat(model.problemProperty().get()).contains("'Bad_Bucket' is not an S3 bucket name");
        assertThat(model.inputValidProperty().get()).isFalse();

        model.inputProperty().set("s3://tf-states/prod.tfstate");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.inputValidProperty().get()).isTrue();
        model.addInput();

        assertThat(saved).containsExactly("s3://tf-states/prod.tfstate");
        assertThat(model.configured()).containsExactly("s3://tf-states/prod.tfstate");
        assertThat(model.inputProperty().get()).as("the field empties once added").isEmpty();
        assertThat(savedCalls).hasValue(1);
    }

    @Test
    void aPathIsLookedForWhenAddedAndNotSavedWhenMissing() {
        SourcesViewModel model = new SourcesViewModel(services(), BackgroundTasks.sameThread());

        model.inputProperty().set("states/**/*.tfstate");
        assertThat(model.inputValidProperty().get()).isTrue();
        model.addInput();

        assertThat(model.problemProperty().get()).contains("matches no file");
        assertThat(saved).isEmpty();
    }

    @Test
    void addFileAndFolderAndRemove() throws Exception {
        Path file = Files.writeString(dir.resolve("prod.tfstate"), "{}");
        Path folder = Files.createDirectories(dir.resolve("envs"));
        Files.writeString(folder.resolve("dev.tfstate"), "{}");
        SourcesViewModel model = new SourcesViewModel(services(), BackgroundTasks.sameThread());

        model.addPath(file);
        model.addPath(folder);
        assertThat(saved).containsExactly(file.toString(), folder.toString());

        model.remove(0);
        assertThat(saved).containsExactly(folder.toString());
    }

    @Test
    void onlyTheCheckOfTheTextNowInTheFieldCounts() {
        Deque<Runnable> work = new ArrayDeque<>();
        SourcesViewModel model = new SourcesViewModel(services(), new BackgroundTasks(work::push, Runnable::run));

        model.inputProperty().set("s3://tf-states/prod.tfstate");
        model.inputProperty().set("s3://Bad_Bucket/prod.tfstate");
        // The checks finish newest first: the older, valid one arrives last and must not enable Add.
        while (!work.isEmpty()) {
            work.pop().run();
        }

        assertThat(model.problemProperty().get()).contains("'Bad_Bucket'");
        assertThat(model.inputValidProperty().get()).isFalse();
    }

    @Test
    void theTrailLogsFieldLoadsSavesAndShowsWhyABadUriIsRefused() {
        String[] stored = {"s3://org-trail/logs/"};
        SourcesServices trailAware = new SourcesServices() {
            private final SourcesServices base = services();

            @Override
            public List<SourceLine> sources() throws Exception {
                return base.sources();
            }

            @Override
            public dev.driftdeck.schedule.RunNowResult syncNow() throws Exception {
                return base.syncNow();
            }

            @Override
            public List<String> configured() throws Exception {
                return base.configured();
            }

            @Override
            public void saveConfigured(List<String> uris) throws Exception {
                base.saveConfigured(uris);
            }

            @Override
            public Optional<String> problem(String uri) {
                return base.problem(uri);
            }

            @Override
            public Optional<String> typingProblem(String uri) {
                return base.typingProblem(uri);
            }

            @Override
            public String cloudTrail() {
                return stored[0];
            }

            @Override
            public Optional<String> saveCloudTrail(String uri) {
                if (!uri.isEmpty() && !uri.startsWith("s3://")) {
                    return Optional.of("'" + uri + "' is not an S3 URI");
                }
                stored[0] = uri.isEmpty() ? null : uri;
                return Optional.empty();
            }
        };
        SourcesViewModel model = new SourcesViewModel(trailAware, BackgroundTasks.sameThread());

        model.refresh();
        assertThat(model.cloudTrailProperty().get()).isEqualTo("s3://org-trail/logs/");

        model.cloudTrailProperty().set("trail-logs");
        model.saveCloudTrail();
        assertThat(model.problemProperty().get()).isEqualTo("'trail-logs' is not an S3 URI");
        assertThat(stored[0]).as("nothing saved").isEqualTo("s3://org-trail/logs/");

        model.cloudTrailProperty().set("  ");
        model.saveCloudTrail();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(stored[0]).isNull();
        assertThat(model.messageProperty().get()).contains("CloudTrail Event history");
    }
}
