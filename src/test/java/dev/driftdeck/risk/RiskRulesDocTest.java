package dev.driftdeck.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RiskRulesDocTest {

    @Test
    void docsRiskRulesIsGeneratedFromTheCurrentCatalogue() throws Exception {
        assertThat(Files.readString(Path.of("docs/risk-rules.md")))
                .as("docs/risk-rules.md is stale; regenerate it from the catalogue with JDK 25: " + RiskRulesDoc.REGENERATE)
                .isEqualTo(RiskRulesDoc.markdown(RiskCatalogue.standard()));
    }

    @Test
    void everyRuleIsOneRowAndHasItsWhyAndFix() {
        String markdown = RiskRulesDoc.markdown(RiskCatalogue.standard());

        assertThat(markdown.lines().filter(line -> line.startsWith("| DD-")))
                .hasSize(RiskCatalogue.standard().rules().size());
        assertThat(markdown).contains("| DD-SG-001 | HIGH | SSH (22) open to the internet (0.0.0.0/0) |")
                .contains("### DD-IAM-002: AdministratorAccess attached to a user")
                .contains("| MISSING, a security control | HIGH");
    }
}
