package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResourceTypesDocTest {

    @Test
    void docsResourceTypesIsGeneratedFromTheCurrentCollectors() throws Exception {
        assertThat(Files.readString(Path.of("docs/resource-types.md")))
                .as("docs/resource-types.md is stale; regenerate it from the collectors with JDK 25: "
                        + ResourceTypesDoc.REGENERATE)
                .isEqualTo(ResourceTypesDoc.markdown(Collectors.all()));
    }

    @Test
    void everyTypeIsOneRowWithItsScopeAndActions() {
        String markdown = ResourceTypesDoc.markdown(Collectors.all());

        assertThat(markdown.lines().filter(line -> line.startsWith("| `"))).hasSize(Collectors.all().size());
        assertThat(markdown).contains("| `aws_s3_bucket` | global |")
                .contains("| `aws_iam_user` | global | `path` (string), `tags` (tags) | `iam:GetAccountAuthorizationDetails` |")
                .contains("| `aws_vpc` | regional | `cidr_block` (string), `instance_tenancy` (string), `tags` (tags) | `ec2:DescribeVpcs` |");
    }
}
