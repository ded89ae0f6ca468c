package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every supported type says how Terraform imports it, and the ids that are not the reported id come out right. */
class ImportIdDeclarationsTest {

    private static ImportTarget target(String type, String id, Map<String, Object> attributes) {
        TypeSpec spec = Collectors.forType(type).orElseThrow().spec();
        return spec.importTarget().apply(new LiveResource(type, id, "123456789012", "eu-west-1", attributes));
    }

    private static String importId(String type, String id) {
        return target(type, id, Map.of()).id();
    }

    @Test
    void everySupportedTypeDeclaresItsImportIdOrWhyTerraformCannotImportIt() {
        assertThat(Collectors.all()).hasSize(202).allSatisfy(collector -> {
            assertThat(collector.importId()).as(collector.type()).isNotNull();
            assertThat(collector.spec().importTarget()).as(collector.type()).isNotNull();
            if (!collector.importId().importable()) {
                assertThat(collector.importId().refusal()).as(collector.type()).isNotBlank();
            }
        });
        // an alias imports as its canonical type: the reconciler reports its unmanaged objects under that type
        assertThat(Collectors.specs()).filteredOn(spec -> spec.aliasOf() != null).hasSize(5)
                .allSatisfy(alias -> assertThat(alias.importTarget()).as(alias.type()).isNotNull());
    }

    @Test
    void mostTypesImportByTheIdTerraformWrites() {
        assertThat(importId("aws_route53_record", "Z1_www.example.com_A_eu")).isEqualTo("Z1_www.example.com_A_eu");
        assertThat(importId("aws_iam_role_policy_attachment", "deployer/arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .isEqualTo("deployer/arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(importId("aws_vpc_security_group_ingress_rule", "sgr-0abc")).isEqualTo("sgr-0abc");
        assertThat(importId("aws_s3_bucket_versioning", "assets")).isEqualTo("assets");
        assertThat(importId("aws_lb_listener_rule", "arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/x/1/2/3"))
                .isEqualTo("arn:aws:elasticloadbalancing:eu-west-1:1:listener-rule/app/x/1/2/3");
        assertThat(importId("aws_lambda_permission", "orders/AllowS3")).isEqualTo("orders/AllowS3");
    }

    @Test
    void importIdsThatAreNotTheReportedIdAreBuiltFromItOrFromTheListing() {
        assertThat(importId("aws_sqs_queue", "arn:aws:sqs:eu-west-1:123456789012:orders"))
                .isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/orders");
        assertThat(importId("aws_lambda_alias", "arn:aws:lambda:eu-west-1:1:function:orders:live"))
                .isEqualTo("orders/live");
        assertThat(importId("aws_ecs_service", "arn:aws:ecs:eu-west-1:1:service/prod/web")).isEqualTo("prod/web");
        assertThat(importId("aws_ecs_cluster", "arn:aws:ecs:eu-west-1:1:cluster/prod")).isEqualTo("prod");
        assertThat(importId("aws_cloudformation_stack", "arn:aws:cloudformation:eu-west-1:1:stack/net/0a1b-2c"))
                .isEqualTo("net");
        assertThat(importId("aws_volume_attachment", "/dev/sdh/vol-1/i-1")).isEqualTo("/dev/sdh:vol-1:i-1");
        assertThat(importId("aws_cloudwatch_event_target", "default/nightly/t1")).isEqualTo("nightly/t1");
        assertThat(importId("aws_cloudwatch_event_target", "aws.partner/x/y/nightly/t1"))
                .isEqualTo("aws.partner/x/y/nightly/t1");
        assertThat(importId("aws_cloudwatch_query_definition", "269951d7"))
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:query-definition:269951d7");
        assertThat(importId("aws_api_gateway_method", "agm-a1b2-r3s4-GET")).isEqualTo("a1b2/r3s4/GET");
        assertThat(importId("aws_api_gateway_method_response", "agmr-a1b2-r3s4-GET-200")).isEqualTo("a1b2/r3s4/GET/200");
        assertThat(importId("aws_api_gateway_stage", "ags-a1b2-prod-eu")).isEqualTo("a1b2/prod-eu");
        assertThat(target("aws_route", "r-rtb-11080289494", Map.of("route_table_id", "rtb-1",
                "cidr_block", "10.0.0.0/16")).id()).isEqualTo("rtb-1_10.0.0.0/16");
        assertThat(target("aws_route_table_association", "rtbassoc-1", Map.of("route_table_id", "rtb-1",
                "subnet_id", "subnet-1")).id()).isEqualTo("subnet-1/rtb-1");
        assertThat(target("aws_network_acl_rule", "nacl-1", Map.of("network_acl_id", "acl-1", "rule_number", 100,
                "protocol", "6", "egress", false)).id()).isEqualTo("acl-1:100:6:false");
        assertThat(target("aws_wafv2_web_acl", "a-1", Map.of("name", "edge", "scope", "REGIONAL")).id())
                .isEqualTo("a-1/edge/REGIONAL");
        assertThat(target("aws_api_gateway_resource", "r3s4", Map.of("rest_api_id", "a1b2")).id()).isEqualTo("a1b2/r3s4");
    }

    @Test
    void logChildrenSplitAfterTheirGroupNotAtTheLastSlashForBothMayHoldSlashes() {
        Map<String, Object> lambda = Map.of("log_group_name", "/aws/lambda/orders");
        assertThat(target("aws_cloudwatch_log_stream", "/aws/lambda/orders/2026/12/07/[$LATEST]0a1b", lambda).id())
                .isEqualTo("/aws/lambda/orders:2026/12/07/[$LATEST]0a1b");
        assertThat(target("aws_cloudwatch_log_stream", "/aws/lambda/orders/plain", lambda).id())
                .isEqualTo("/aws/lambda/orders:plain");
        assertThat(target("aws_cloudwatch_log_metric_filter", "/aws/lambda/orders/errors/5xx", lambda).id())
                .isEqualTo("/aws/lambda/orders:errors/5xx");
        assertThat(target("aws_cloudwatch_log_subscription_filter", "/app/logs/to/s3",
                Map.of("log_group_name", "/app/logs")).id()).isEqualTo("/app/logs|to/s3");
        // without the group the split would be a guess: the finding says to write the block by hand
        ImportTarget unknown = target("aws_cloudwatch_log_stream", "/aws/lambda/orders/2026/12/07/x", Map.of());
        assertThat(unknown.importable()).isFalse();
        assertThat(unknown.refusal()).contains("LOGGROUPNAME:NAME");
    }

    @Test
    void apiGatewayChildrenImportUnderTheirApi() {
        Map<String, Object> rest = Map.of("rest_api_id", "a1b2");
        assertThat(target("aws_api_gateway_resource", "r3s4", rest).id()).isEqualTo("a1b2/r3s4");
        assertThat(importId("aws_api_gateway_method", "agm-a1b2-r3s4-GET")).isEqualTo("a1b2/r3s4/GET");
        assertThat(importId("aws_api_gateway_integration", "agi-a1b2-r3s4-GET")).isEqualTo("a1b2/r3s4/GET");
        assertThat(importId("aws_api_gateway_method_response", "agmr-a1b2-r3s4-GET-200")).isEqualTo("a1b2/r3s4/GET/200");
        assertThat(importId("aws_api_gateway_integration_response", "agir-a1b2-r3s4-GET-200"))
                .isEqualTo("a1b2/r3s4/GET/200");
        assertThat(target("aws_api_gateway_deployment", "d5e6", rest).id()).isEqualTo("a1b2/d5e6");
        assertThat(importId("aws_api_gateway_stage", "ags-a1b2-prod-eu")).isEqualTo("a1b2/prod-eu");
        assertThat(target("aws_api_gateway_method_settings", "a1b2-prod-eu-orders/GET", Map.of("rest_api_id", "a1b2",
                "stage_name", "prod-eu", "method_path", "orders/GET")).id()).isEqualTo("a1b2/prod-eu/orders/GET");
        assertThat(target("aws_api_gateway_authorizer", "z9", rest).id()).isEqualTo("a1b2/z9");
        assertThat(target("aws_api_gateway_model", "m7", Map.of("rest_api_id", "a1b2", "name", "Order")).id())
                .isEqualTo("a1b2/Order");
        assertThat(target("aws_api_gateway_request_validator", "v8", rest).id()).isEqualTo("a1b2/v8");
        assertThat(importId("aws_api_gateway_gateway_response", "aggr-a1b2-THROTTLED")).isEqualTo("a1b2/THROTTLED");

        Map<String, Object> http = Map.of("api_id", "h1");
        assertThat(target("aws_apigatewayv2_route", "rt1", http).id()).isEqualTo("h1/rt1");
        assertThat(target("aws_apigatewayv2_integration", "in1", http).id()).isEqualTo("h1/in1");
        assertThat(target("aws_apigatewayv2_authorizer", "au1", http).id()).isEqualTo("h1/au1");
        assertThat(target("aws_apigatewayv2_model", "mo1", http).id()).isEqualTo("h1/mo1");
        assertThat(target("aws_apigatewayv2_deployment", "de1", http).id()).isEqualTo("h1/de1");
        assertThat(importId("aws_apigatewayv2_stage", "h1/$default")).isEqualTo("h1/$default");
        assertThat(target("aws_apigatewayv2_route_response", "rr1", Map.of("api_id", "h1", "route_id", "rt1")).id())
                .isEqualTo("h1/rt1/rr1");
        assertThat(target("aws_apigatewayv2_integration_response", "ir1", Map.of("api_id", "h1",
                "integration_id", "in1")).id()).isEqualTo("h1/in1/ir1");
    }

    @Test
    void s3SplitResourcesImportByTheirBucketAndNamedOnesByBucketColonName() {
        for (String type : java.util.List.of(S3Collectors.VERSIONING, S3Collectors.PUBLIC_ACCESS_BLOCK,
                S3Collectors.POLICY, S3Collectors.ENCRYPTION, S3Collectors.LIFECYCLE,
                S3ConfigurationCollectors.OWNERSHIP_CONTROLS, S3ConfigurationCollectors.ACL, S3ConfigurationCollectors.CORS,
                S3ConfigurationCollectors.LOGGING, S3ConfigurationCollectors.WEBSITE, S3ConfigurationCollectors.OBJECT_LOCK,
                S3ConfigurationCollectors.REPLICATION, S3ConfigurationCollectors.NOTIFICATION,
                S3ConfigurationCollectors.ACCELERATE, S3ConfigurationCollectors.REQUEST_PAYMENT)) {
            // an unmanaged configuration has no state, so no expected_bucket_owner: the bucket name alone
            assertThat(importId(type, "assets-eu")).as(type).isEqualTo("assets-eu");
        }
        for (String type : java.util.List.of(S3ConfigurationCollectors.INVENTORY, S3ConfigurationCollectors.METRIC,
                S3ConfigurationCollectors.ANALYTICS, S3ConfigurationCollectors.INTELLIGENT_TIERING)) {
            assertThat(importId(type, "assets-eu:daily")).as(type).isEqualTo("assets-eu:daily");
        }
    }

    @Test
    void whatCannotBeImportedSaysWhyAndWhatTheListingLackedToo() {
        ImportTarget membership = target("aws_iam_group_membership", "admins", Map.of());
        assertThat(membership.importable()).isFalse();
        assertThat(membership.refusal()).contains("aws_iam_user_group_membership");
        ImportTarget resource = target("aws_api_gateway_resource", "r3s4", Map.of());
        assertThat(resource.importable()).isFalse();
        assertThat(resource.refusal()).contains("RESTAPIID/RESOURCEID").contains("by hand");
    }

    @Test
    void suggestedNamesComeFromTheNameTagThenTheNameThenTheId() {
        assertThat(target("aws_vpc", "vpc-1", Map.of("tags", Map.of("Name", "Core \"net\" 2")))).extracting(ImportTarget::name)
                .isEqualTo("core_net_2");
        assertThat(target("aws_sqs_queue", "arn:aws:sqs:eu-west-1:1:Orders-DLQ", Map.of())).extracting(ImportTarget::name)
                .isEqualTo("orders_dlq");
        assertThat(target("aws_kms_key", "0b8d-11", Map.of())).extracting(ImportTarget::name).isEqualTo("r_0b8d_11");
    }

    @Test
    void docsRemediationIsGeneratedFromTheCurrentDeclarations() throws Exception {
        assertThat(Files.readString(Path.of("docs/remediation.md")))
                .as("docs/remediation.md is stale; regenerate it with JDK 25: " + RemediationDoc.REGENERATE)
                .isEqualTo(RemediationDoc.markdown(Collectors.all(), LoadBalancerCollectors.ALIASES));
        String markdown = RemediationDoc.markdown(Collectors.all(), LoadBalancerCollectors.ALIASES);
        assertThat(markdown.lines().filter(line -> line.startsWith("| `aws_"))).hasSizeGreaterThanOrEqualTo(207);
        assertThat(markdown).contains("| `aws_sqs_queue` | the queue URL |")
                .contains("| `aws_lb_target_group_attachment` | not importable:");
    }
}
