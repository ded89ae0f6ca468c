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
            truncated.tfstate          | is not valid JSON: it ends before the JSON does, at line 2, column 1. Was it written completely? Run terraform state pull to get a current copy.
            not-json.tfstate           | is not valid JSON: unexpected text 'terraform' at line 1, column 1. Is it a tfstate file? Terraform writes one with terraform state pull.
            binary.tfstate             | is not valid JSON: it holds binary data (a control character, code 31) at line 1, column 2. Is it compressed or encrypted? Point the source at the plain tfstate file.
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

    /** Other ways a file is not JSON: each a sentence with the line and column, nothing of the JSON library's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            cut in a string      | {"version": 4, "lineage": "ab                      | it ends before the JSON does, at line 1, column 30.
            trailing comma       | {"version": 4,}                                 | unexpected character '}' at line 1, column 15.
            missing colon        | {"version" 4}                                   | unexpected character '4' at line 1, column 12.
            extra bracket        | {"version": 4, "resources": []]}                | unexpected ']' at line 1, column 31.
            bad literal          | {"version": tru}                                | unexpected text 'tru' at line 1, column 13.
            control in a string  | {"version": 4, "lineage": "a\u0001b"}           | it holds binary data (a control character, code 1) at line 1, column 29.
            leading zero         | {"version": 04}                                 | an invalid number at line 1, column 14.
            """)
    void explainsBrokenJsonInASentenceWithoutTheLibrarysWords(String what, String content, String expected)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("broken-", ".tfstate");
        try {
            java.nio.file.Files.writeString(file, content);

            assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(StateException.class)
                    .hasMessageStartingWith("State " + file + " is not valid JSON: ")
                    .hasMessageContaining(expected)
                    .hasMessageNotContainingAny("Source:", "REDACTED", "StreamReadFeature", "CTRL-CHAR", "Jackson",
                            "com.fasterxml", "end-of-input", "token");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gzip               | 1f8b0800000000000003cb48cdc9c90700863ba6100600000000
            utf-32 look-alike  | 0000007bffffffff
            png                | 89504e470d0a1a0a0000000d49484452
            zeros              | 00000000000000000000
            """)
    void binaryFilesAreCalledBinaryWithoutTheLibrarysWords(String what, String hex) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("binary-", ".tfstate");
        try {
            java.nio.file.Files.write(file, java.util.HexFormat.of().parseHex(hex));

            assertThatThrownBy(() -> parser.parse(file)).isInstanceOf(StateException.class)
                    .hasMessageStartingWith("State " + file + " is not valid JSON: it holds binary data")
                    .hasMessageEndingWith("Is it compressed or encrypted? Point the source at the plain tfstate file.")
                    .hasMessageNotContainingAny("Source:", "REDACTED", "StreamReadFeature", "CTRL-CHAR", "UTF-32",
                            "com.fasterxml");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
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
