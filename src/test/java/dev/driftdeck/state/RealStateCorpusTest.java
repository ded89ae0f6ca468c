package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 147 real-account states driftctl captured for its own tests (copied into src/test/resources/tfstate-real, with
 * driftctl's Apache-2.0 license and a line in NOTICE): every one parses, every managed instance comes
 * out with the type and id driftctl read (access key ids in their redacted form), and none of the secrets planted
 * in them survives parsing.
 */
class RealStateCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "tfstate-real", "driftctl");

    /** Cases where driftctl's golden view is not Terraform's (type, id), and why. */
    private static final Map<String, String> GOLDEN_DIFFERS = Map.of(
            "aws_lb_listener", "driftctl drops the aws_lb_target_group it does not support",
            "unsupported_provider", "driftctl drops random_string, a provider it does not support",
            "aws_network_acl_rule", "driftctl recomputes rule ids from attributes instead of the state id",
            "aws_vpc_security_group_rule", "driftctl recomputes sgrule ids from attributes instead of the state id");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Path> states;

    private final TfStateParser parser = new TfStateParser();

    @BeforeAll
    static void findCorpus() throws IOException {
        assertThat(CORPUS).as("real-state corpus in the repository").isDirectory();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            states = files.filter(f -> f.getFileName().toString().endsWith(".tfstate")).sorted().toList();
        }
    }

    @Test
    void everyStateParsesAndYieldsOneResourcePerManagedInstance() throws Exception {
        assertThat(states).hasSize(147);
        int total = 0;
        for (Path state : states) {
            StateSnapshot snapshot = parser.parse(state);
            assertThat(snapshot.resources()).as(state.toString()).hasSize(managedInstances(state));
            assertThat(snapshot.lineage()).as(state.toString()).isNotBlank();
            total += snapshot.resources().size();
        }
        assertThat(total).isGreaterThan(250);
    }

    @Test
    void typesAndIdsMatchWhatDriftctlRead() throws Exception {
        int compared = 0;
        for (Path state : states) {
            Path golden = state.resolveSibling("results.golden.json");
            String name = state.getParent().getFileName().toString();
            if (!Files.exists(golden) || GOLDEN_DIFFERS.containsKey(name)) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            JsonNode goldenResources = JSON.readTree(golden.toFile());
            // Access key ids are never kept in clear: compare against driftctl's id redacted the same way.
            goldenResources.forEach(r -> expected.add(r.path("Type").asText() + " "
                    + AccessKeyIds.redact(r.path("Id").asText())));

            List<String> actual = parser.parse(state).resources().stream().map(r -> r.type() + " " + r.id()).toList();

            assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
            compared++;
        }
        assertThat(compared).isEqualTo(139);
    }

    @Test
    void plantedSecretsAreMaskedAndAccessKeyIdsRedacted() throws Exception {
        Map<String, Integer> maskedByAttribute = new java.util.TreeMap<>();
        for (Path state : states) {
            for (StateResource resource : parser.parse(state).resources()) {
                assertThat(resource.toString()).as(resource.address()).doesNotContain("FAKE-REDACTED", "AKIAFAKE");
                resource.attributes().forEach((attribute, value) -> {
                    if (Sensitive.MASK.equals(value)) {
                        maskedByAttribute.merge(resource.type() + "." + attribute, 1, Integer::sum);
                    }
                });
            }
        }
        // The planted fakes, plus API Gateway key values (schema-sensitive, left real in the corpus) and the
        // empty secrets of two access keys whose secret Terraform never received.
        assertThat(maskedByAttribute).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "aws_api_gateway_api_key.value", 2,
                "aws_db_instance.password", 1,
                "aws_iam_access_key.secret", 6,
                "aws_iam_access_key.ses_smtp_password_v4", 6,
                "aws_rds_cluster.master_password", 1,
                "google_compute_ssl_certificate.private_key", 1)));
        StateSnapshot keys = parser.parse(CORPUS.resolve("aws_iam_access_key_multiple/terraform.tfstate"));
        assertThat(keys.resources()).extracting(StateResource::id)
                .contains(AccessKeyIds.redact("AKIAFAKE152588146763"))
                .allMatch(id -> id.startsWith("AKIA…"))
                .doesNotHaveDuplicates();
    }

    @Test
    void moduleResourcesCarryTheirModulePathInTheAddress() throws Exception {
        List<StateResource> resources = parser.parse(CORPUS.resolve("module.iam_iam-user/terraform.tfstate"))
                .resources();

        assertThat(resources).isNotEmpty().allSatisfy(r -> {
            assertThat(r.module()).startsWith("module.");
            assertThat(r.address()).startsWith(r.module() + "." + r.type() + "." + r.name());
        });
    }

    private static int managedInstances(Path state) throws IOException {
        int count = 0;
        for (JsonNode resource : JSON.readTree(state.toFile()).path("resources")) {
            if ("managed".equals(resource.path("mode").asText())) {
                count += resource.path("instances").size();
            }
        }
        return count;
    }
}
