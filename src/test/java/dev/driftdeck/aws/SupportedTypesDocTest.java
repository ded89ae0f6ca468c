package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SupportedTypesDocTest {

    @Test
    void theReadmeCountsTheRegisteredTypes() throws Exception {
        assertThat(Files.readString(Path.of("README.md")))
                .as("README.md states how many resource types the collectors support, aliases (aws_alb) included")
                .contains(Collectors.supportedTypes().size() + " resource types are supported");
    }
}
