package dev.driftdeck.state;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfStateParserTest {

    private final TfStateParser parser = new TfStateParser();

    @Test
    void readsHeaderAndSkipsDataSourcesAndDeposedObjects() throws Exception {
        StateSnapshot snapshot = parser.parse(resource("shapes.tfstate"));

        assertThat(snapshot.serial()).isEqualTo(42);
        assertThat(snapshot.lineage()).isEqualTo("5b1c0e4e-2f0a-4f39-9d1a-3c0e8a1f7d21");
        assertThat(snapshot.terraformVersion()).isEqualTo("1.9.8");
        assertThat(snapshot.resources()).extracting(StateResource::id)
                .containsExactly("vpc-0a1b2c", "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                        "https://sqs.us-east-1.amazonaws.com/123456789012/hi", "i-0new", "db-ABC");
    }

    @Test
    void buildsFullAddressesWithModulePathAndIndexKeys() throws Exception {
        List<StateResource> resources = parser.parse(resource("shapes.tfstate")).resources();

        assertThat(resources).extracting(StateResource::address).containsExactly(
                "aws_vpc.main",
                "module.app[\"blue\"].module.queue.aws_sqs_queue.q[\"orders\"]",
                "module.app[\"blue\"].module.queue.aws_sqs_queue.q[\"say \\\"hi\\\"\"]",
                "module.web[0].aws_instance.web[0]",
                "aws_db_instance.db");
        StateResource queue = resources.get(1);
        assertThat(queue.module()).isEqualTo("module.app[\"blue\"].module.queue");
        assertThat(queue.type()).isEqualTo("aws_sqs_queue");
        assertThat(queue.name()).isEqualTo("q");
        assertThat(resources.getFirst().module()).isEmpty();
        assertThat(resources).allSatisfy(r -> assertThat(r.sourceUri()).endsWith("shapes.tfstate"));
    }

    @Test
    void keepsAttributeValuesAsPlainJavaValues() throws Exception {
        Map<String, Object> vpc = parser.parse(resource("shapes.tfstate")).resources().getFirst().attributes();

        assertThat(vpc).containsEntry("cidr_block", "10.0.0.0/16")
                .containsEntry("enable_dns_support", true)
                .containsEntry("ipv6_netmask_length", 0L)
                .containsEntry("ratio", new BigDecimal("0.25"))
                .containsEntry("tags", Map.of("Name", "main"));
    }

    @Test
    void masksSchemaSensitiveAndStateMarkedValuesButKeepsNulls() throws Exception {
        StateResource db = parser.parse(resource("shapes.tfstate")).resources().getLast();

        assertThat(db.attributes()).containsEntry("password", Sensitive.MASK)
                .containsEntry("master_password", null)
                .containsEntry("identifier", "orders")
                .containsEntry("custom", Map.of("api_token", Sensitive.MASK, "plain", "visible"))
                .containsEntry("listeners", List.of(Map.of("port", 80L, "cert", "pem-0"),
                        Map.of("port", 443L, "cert", Sensitive.MASK)));
        assertThat(db.attributes().toString()).doesNotContain("hunter2", "tok-123", "pem-1");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(TfStateParserTest.class.getResource("/tfstate/" + name).toURI());
    }

    @Test
    void fingerprintsLambdaEnvironmentValuesSoTheyCompareWithoutBeingKept() throws Exception {
        String state = """
                {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "l", "resources": [
                  {"mode": "managed", "type": "aws_lambda_function", "name": "f", "provider": "p", "instances": [
                    {"attributes": {"id": "fn", "environment": [{"variables": {"API_TOKEN": "s3cret", "LEVEL": "debug"}}]},
                     "sensitive_attributes": [[{"type": "get_attr", "value": "environment"}, {"type": "index",
                       "value": {"value": 0, "type": "number"}}, {"type": "get_attr", "value": "variables"},
                       {"type": "index", "value": {"value": "LEVEL", "type": "string"}}]]}]}]}
                """;

        Map<String, Object> function = parser.parse(new java.io.ByteArrayInputStream(
                state.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "mem").resources().getFirst().attributes();

        assertThat(function.get("environment")).isEqualTo(List.of(Map.of("variables", Map.of(
                "API_TOKEN", Sensitive.fingerprint("s3cret"), "LEVEL", Sensitive.MASK))));
        assertThat(function.toString()).doesNotContain("s3cret");
        assertThat(Sensitive.fingerprint("s3cret")).matches("\\(sensitive [0-9a-f]{8}\\)")
                .isNotEqualTo(Sensitive.fingerprint("s3cret2"));
    }
}
