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
                .contains("| `aws_s3_bucket_policy` | global | 1/2 | `policy` (json_document)"
                        + " | `bucket`: identity: part of the match id | `s3:ListAllMyBuckets`, `s3:GetBucketPolicy` |")
                .containsPattern("\\| `aws_vpc` \\| regional \\| \\d+/\\d+ \\| `cidr_block` \\(string\\), .* \\| `ec2:DescribeVpcs`, `ec2:DescribeVpcAttribute` \\|");
    }
}
