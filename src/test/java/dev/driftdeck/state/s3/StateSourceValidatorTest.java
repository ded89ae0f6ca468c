package dev.driftdeck.state.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

/** A source is checked in full before it is saved; while it is typed, only what needs no disk. */
class StateSourceValidatorTest {

    @TempDir
    Path dir;

    private StateSourceValidator validator() {
        ProfileFile profiles = ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
                .content(new StringInputStream("[profile tooling]\nregion = eu-west-1\n")).build();
        return new StateSourceValidator(dir, profiles);
    }

    @Test
    void whileTypingAnS3UriItsShapeAndProfileAreChecked() {
        StateSourceValidator validator = validator();

        assertThat(validator.typingProblem("s3://Bad_Bucket/prod.tfstate")).hasValueSatisfying(
                problem -> assertThat(problem).contains("'Bad_Bucket' is not an S3 bucket name"));
        assertThat(validator.typingProblem("s3://tf-states")).hasValueSatisfying(
                problem -> assertThat(problem).contains("names a bucket but no key"));
        assertThat(validator.typingProblem("s3://tf-states/app.tfstate?profile=nobody")).hasValueSatisfying(
                problem -> assertThat(problem).contains("profile 'nobody' is in neither ~/.aws/config nor ~/.aws/credentials"));
        assertThat(validator.typingProblem("s3://tf-states/app.tfstate?profile=tooling&workspaces=*")).isEmpty();
    }

    @Test
    void aPathOrGlobIsLookedForOnlyWhenAdded() throws Exception {
        StateSourceValidator validator = validator();

        // Resolving "/" while it is typed would walk the whole disk: a path waits for Add.
        assertThat(validator.typingProblem("/")).isEmpty();
        assertThat(validator.typingProblem("missing.tfstate")).isEmpty();
        assertThat(validator.problem("missing.tfstate")).hasValueSatisfying(
                problem -> assertThat(problem).contains("missing.tfstate does not exist"));

        Files.writeString(dir.resolve("prod.tfstate"), "{}");
        assertThat(validator.problem("prod.tfstate")).isEmpty();
    }

    @Test
    void blankIsAProblemOnlyWhenAdded() {
        assertThat(validator().typingProblem("  ")).isEmpty();
        assertThat(validator().problem("  ")).isPresent();
    }
}
