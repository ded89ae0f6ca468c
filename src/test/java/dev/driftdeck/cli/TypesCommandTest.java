package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.aws.Collector;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.NotCompared;
import dev.driftdeck.aws.ProviderArguments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypesCommandTest {

    @Test
    void jsonListsEveryRegisteredTypeWithItsScopeComparedAttributesAndActions() throws Exception {
        Result result = cli("types", "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode types = JsonMapper.builder().build().readTree(result.out());
        assertThat(types.isArray()).isTrue();
        assertThat(texts(types, "type")).containsExactlyElementsOf(Collectors.all().stream().map(Collector::type).toList());
        for (int i = 0; i < types.size(); i++) {
            Collector collector = Collectors.all().get(i);
            JsonNode type = types.get(i);
            assertThat(texts(type.get("iam_actions"), null)).as(collector.type()).isEqualTo(collector.iamActions());
            assertThat(type.get("scope").asText()).as(collector.type()).isEqualTo(collector.global() ? "global" : "regional");
            assertThat(texts(type.get("compared"), "attribute")).as(collector.type())
                    .isEqualTo(collector.spec().compared().stream().map(rule -> rule.name()).toList());
            assertThat(texts(type.get("not_compared"), "attribute")).as(collector.type())
                    .isEqualTo(collector.notCompared().stream().map(NotCompared::attribute).toList());
            assertThat(type.get("schema_arguments").asInt()).as(collector.type())
                    .isEqualTo(ProviderArguments.get().arguments(collector.type()).size());
            assertThat(type.get("coverage").asDouble()).as(collector.type()).isBetween(0.0, 1.0);
        }
        // aws_s3_bucket_policy has two arguments in the provider's schema: bucket and policy.
        assertThat(byType(types, "aws_s3_bucket_policy").get("schema_arguments").asInt()).isEqualTo(2);
        JsonNode user = byType(types, "aws_iam_user");
        assertThat(texts(user.get("iam_actions"), null)).containsExactly("iam:GetAccountAuthorizationDetails");
        assertThat(user.get("compared").toString())
                .isEqualTo("[{\"attribute\":\"path\",\"normalization\":\"string\"},{\"attribute\":\"tags\",\"normalization\":\"tags\"},"
                        + "{\"attribute\":\"permissions_boundary\",\"normalization\":\"string\"}]");
        assertThat(byType(types, "aws_s3_bucket").get("scope").asText()).isEqualTo("global");
        assertThat(byType(types, "aws_vpc").get("scope").asText()).isEqualTo("regional");
        assertThat(texts(byType(types, "aws_vpc").get("iam_actions"), null))
                .containsExactly("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute");
    }

    @Test
    void consoleIsTheDefaultAndShowsOneBlockPerType() {
        Result result = cli("types");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().split("\\R\\R")).hasSize(Collectors.all().size());
        assertThat(result.out()).contains("""
                aws_iam_user (global)
                  compared:    path (string), tags (tags), permissions_boundary (string)
                """).containsPattern("  coverage:    \\d+/\\d+ provider arguments compared\\R  IAM actions: ").contains("""
                aws_iam_user_policy_attachment (global)
                  compared:    existence only
                """).contains("aws_vpc (regional)\n");
    }

    @Test
    void anUnknownFormatIsABadArgument() {
        Result result = cli("types", "--output", "csv");

        assertThat(result.exitCode()).isEqualTo(DriftdeckCommand.ERROR);
        assertThat(result.err()).contains("--output").contains("csv").contains("driftdeck types --help");
    }

    private static JsonNode byType(JsonNode types, String type) {
        for (JsonNode node : types) {
            if (node.get("type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " in " + types);
    }

    /** The texts of an array, or of one field of each of its objects. */
    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(field == null ? node.asText() : node.get(field).asText()));
        return texts;
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
