package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.testing.AwsConfigFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile picker lists what the SDK reads from both AWS files; the region picker what its metadata knows. */
class AwsChoicesTest {

    @TempDir
    Path home;

    @Test
    void profilesComeFromTheConfigAndTheCredentialsFile() {
        try (var files = AwsConfigFiles.use(home, """
                [default]
                region = eu-west-1

                [profile org-sso]
                sso_session = org

                [sso-session org]
                sso_start_url = https://example.awsapps.com/start
                """, """
                [ci-keys]
                aws_access_key_id = AKIAEXAMPLE
                aws_secret_access_key = secret
                """)) {
            assertThat(AwsChoices.profiles()).containsExactly("ci-keys", "default", "org-sso");
        }
    }

    @Test
    void aFileTheSdkCannotParseIsNamedAsSuch() {
        try (var files = AwsConfigFiles.use(home, """
                [profile broken]
                this line has no equals sign
                """)) {
            assertThatThrownBy(AwsChoices::profiles).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The AWS config files cannot be read (")
                    .hasMessageContaining("~/.aws/config");
        }
    }

    @Test
    void regionsAreTheOrdinaryPartitionsByIdWithTheirNames() {
        var regions = AwsChoices.regions();

        assertThat(regions).containsEntry("eu-west-1", "Europe (Ireland)").containsKeys("us-east-1", "cn-north-1",
                "us-gov-west-1").doesNotContainKeys("aws-global", "us-iso-east-1");
        assertThat(java.util.List.copyOf(regions.keySet())).isSorted();
    }
}
