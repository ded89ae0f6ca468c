package dev.driftdeck.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Hand-made states under tfstate/edge/: shapes real states take and files that are not usable states. */
class EdgeCaseStateTest {

    private final TfStateParser parser = new TfStateParser();

    @Test
    void keepsTaintedInstancesSkipsDeposedOnesAndReadsLegacyFlatAttributes() throws Exception {
        StateSnapshot snapshot = parser.parse(TfStateParserTest.resource("edge/tainted-deposed-legacy.tfstate"));

        assertThat(snapshot.resources()).extracting(StateResource::address, StateResource::id).containsExactly(
                tuple("aws_instance.web", "i-0tainted"),
                tuple("aws_iam_user.old", "legacy-user"));
        assertThat(snapshot.resources().getLast().attributes())
                .isEqualTo(Map.of("id", "legacy-user", "name", "legacy-user", "tags.%", "1", "tags.team", "ops"));
    }

    @Test
    void neverKeepsOutputsSoSensitiveOutputsCannotLeak() throws Exception {
        StateSnapshot snapshot = parser.parse(TfStateParserTest.resource("edge/tainted-deposed-legacy.tfstate"));

        assertThat(snapshot.toString()).doesNotContain("output-secret-123");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.tfstate              | is empty: was it written completely?
            truncated.tfstate          | is not valid JSON (Unexpected end-of-input
            not-json.tfstate           | is not valid JSON (Unrecognized token 'terraform'
            binary.tfstate             | is not valid JSON
            version3.tfstate           | uses state format version 3 (written by Terraform 0.11.14); Driftdeck reads version 4 (Terraform >= 0.12). Upgrade it
            encrypted-opentofu.tfstate | is encrypted (OpenTofu state encryption)
            no-resources.tfstate       | has no "resources" list
            """)
    void refusesUnusableStatesNamingTheFileAndTheFix(String file, String expected) {
        assertThatThrownBy(() -> parser.parse(TfStateParserTest.resource("edge/" + file)))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("edge/" + file)
                .hasMessageContaining(expected);
    }

    @Test
    void pointsAtTheLineAndColumnOfBrokenJson() {
        assertThatThrownBy(() -> parser.parse(TfStateParserTest.resource("edge/not-json.tfstate")))
                .hasMessageContaining("at line 1 column 1)");
        assertThatThrownBy(() -> parser.parse(TfStateParserTest.resource("edge/truncated.tfstate")))
                .hasMessageContaining("at line 2");
    }

    @Test
    void accessKeyIdsAreRedactedStablyAndDistinctly() {
        String one = AccessKeyIds.redact("AKIAFAKE152588146763");
        String two = AccessKeyIds.redact("AKIAFAKE738746705707");

        assertThat(one).startsWith("AKIA…6763-").doesNotContain("FAKE152588").isEqualTo(
                AccessKeyIds.redact("AKIAFAKE152588146763"));
        assertThat(List.of(one, two)).doesNotHaveDuplicates();
        assertThat(AccessKeyIds.redact("i-0abc")).isEqualTo("i-0abc");
    }
}
