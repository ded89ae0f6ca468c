package dev.driftdeck.drift;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The driftctl rules of brief section 7: wildcards, negation with last match winning, escaped dots, paths. */
class IgnoreRulesTest {

    private static IgnoreRules rules(String... lines) {
        return IgnoreRules.parse(List.of(lines), ".driftignore");
    }

    @Test
    void wildcardIgnoresEveryIdOfATypeAndNegationAfterItKeepsOne() {
        IgnoreRules rules = rules("aws_s3_bucket.*", "!aws_s3_bucket.keep-me");

        assertThat(rules.ignoring("aws_s3_bucket", "logs")).map(IgnoreRule::text).contains("aws_s3_bucket.*");
        assertThat(rules.ignoring("aws_s3_bucket", "keep-me")).isEmpty();
        assertThat(rules.ignoring("aws_instance", "logs")).isEmpty();
    }

    @Test
    void lastMatchWinsSoARuleAfterANegationIgnoresAgain() {
        IgnoreRules rules = rules("aws_iam_role.*", "!aws_iam_role.app-*", "aws_iam_role.app-legacy");

        assertThat(rules.ignoring("aws_iam_role", "app-api")).isEmpty();
        assertThat(rules.ignoring("aws_iam_role", "app-legacy")).isPresent();
        assertThat(rules.ignoring("aws_iam_role", "admin")).isPresent();
    }

    @Test
    void escapedDotsStayInsideTheIdInsteadOfStartingAnAttributePath() {
        IgnoreRules rules = rules("aws_s3_bucket.logs\\.example\\.com");

        assertThat(rules.ignoring("aws_s3_bucket", "logs.example.com")).isPresent();
        // Unescaped, the same text is a rule on attribute "example.com" of bucket "logs", not the bucket.
        assertThat(rules("aws_s3_bucket.logs.example.com").ignoring("aws_s3_bucket", "logs.example.com")).isEmpty();
    }

    @Test
    void attributeRuleCoversThePathAndWhatIsNestedBelowIt() {
        IgnoreRules rules = rules("aws_instance.i-1.tags", "!aws_instance.i-1.tags.Owner");

        assertThat(rules.ignoresAttribute("aws_instance", "i-1", List.of("tags", "Env"))).isTrue();
        assertThat(rules.ignoresAttribute("aws_instance", "i-1", List.of("tags", "Owner"))).isFalse();
        assertThat(rules.ignoresAttribute("aws_instance", "i-2", List.of("tags", "Env"))).isFalse();
        assertThat(rules.ignoring("aws_instance", "i-1")).isEmpty();
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumberAndSkipped() {
        IgnoreRules rules = rules("# comment", "aws_instance", "aws_instance.i-1");

        assertThat(rules.rules()).extracting(IgnoreRule::text).containsExactly("aws_instance.i-1");
        assertThat(rules.problems()).singleElement().asString().contains("line 2").contains("TYPE.ID");
    }

    @Test
    void writtenRulesReadBackToExactlyTheirResourceOrAttribute() {
        String resource = IgnoreRuleText.forResource("aws_s3_bucket", "assets.example.com");
        String attribute = IgnoreRuleText.forAttribute("aws_iam_role", "svc.role", List.of("tags", "team.name"));

        assertThat(resource).isEqualTo("aws_s3_bucket.assets\\.example\\.com");
        assertThat(attribute).isEqualTo("aws_iam_role.svc\\.role.tags.team\\.name");
        IgnoreRules rules = rules(resource, attribute);
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.ignoring("aws_s3_bucket", "assets.example.com")).isPresent();
        assertThat(rules.ignoring("aws_s3_bucket", "assets")).isEmpty();
        assertThat(rules.ignoresAttribute("aws_iam_role", "svc.role", List.of("tags", "team.name"))).isTrue();
        assertThat(rules.ignoresAttribute("aws_iam_role", "svc.role", List.of("tags", "team"))).isFalse();
    }
}
