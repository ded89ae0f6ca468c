package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API Gateway reads moto 5.2.1 cannot answer the way AWS does: a REST API's policy (AWS returns it as the text of
 * a JSON string, quotes escaped; moto returns plain JSON, which the provider cannot read back, so Terraform cannot
 * apply an {@code aws_api_gateway_rest_api_policy} against it), and the v2 listings moto lacks (authorizers, models,
 * deployments, route responses; and a domain name, which it never reports AVAILABLE, so Terraform cannot create one,
 * its API mappings or, waiting the same way, a VPC link). WireMock answers with the JSON the API Gateway v1 and v2 API references document
 * for each GET, and states in the provider 5.100.0 schema's shape are reconciled with what the collectors make of it.
 */
class ApiGatewayWireMockTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:"
            + "123456789012:a1/*\"}]}";
    private static final String CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final List<String> TYPES = List.of("aws_api_gateway_rest_api", "aws_api_gateway_rest_api_policy",
            "aws_apigatewayv2_api", "aws_apigatewayv2_authorizer", "aws_apigatewayv2_model",
            "aws_apigatewayv2_deployment", "aws_apigatewayv2_route_response", "aws_apigatewayv2_integration_response",
            "aws_apigatewayv2_domain_name", "aws_apigatewayv2_api_mapping", "aws_apigatewayv2_vpc_link");

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        // The policy's text as AWS sends it: a JSON string holding JSON with its quotes escaped.
        String escaped = POLICY.replace("\"", "\\\\\\\"");
        stub("/restapis", "{\"item\":[{\"id\":\"a1\",\"name\":\"orders\",\"apiKeySource\":\"HEADER\","
                + "\"endpointConfiguration\":{\"types\":[\"REGIONAL\"]},\"disableExecuteApiEndpoint\":false,"
                + "\"rootResourceId\":\"root1\",\"policy\":\"" + escaped + "\"},"
                + "{\"id\":\"a2\",\"name\":\"by-hand\",\"policy\":\"" + escaped + "\"}]}");
        stub("/v2/apis", "{\"items\":[{\"apiId\":\"ws1\",\"name\":\"chat\",\"protocolType\":\"WEBSOCKET\","
                + "\"routeSelectionExpression\":\"$request.body.action\",\"apiKeySelectionExpression\":"
                + "\"$request.header.x-api-key\"},{\"apiId\":\"http1\",\"name\":\"orders\",\"protocolType\":\"HTTP\","
                + "\"routeSelectionExpression\":\"$request.method $request.path\"}]}");
        stub("/v2/apis/ws1/authorizers", "{\"items\":[{\"authorizerId\":\"au1\",\"name\":\"tokens\","
                + "\"authorizerType\":\"REQUEST\",\"authorizerUri\":\"arn:aws:apigateway:us-east-1:lambda:path/"
                + "2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations\","
                + "\"identitySource\":[\"route.request.header.Auth\"]}]}");
        stub("/v2/apis/http1/authorizers", "{\"items\":[{\"authorizerId\":\"au2\",\"name\":\"jwt\","
                + "\"authorizerType\":\"JWT\",\"identitySource\":[\"$request.header.Authorization\"],"
                + "\"jwtConfiguration\":{\"audience\":[\"orders\"],\"issuer\":\"https://issuer.example.com\"}}]}");
        stub("/v2/apis/ws1/models", "{\"items\":[{\"modelId\":\"mo1\",\"name\":\"Message\",\"contentType\":"
                + "\"application/json\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}]}");
        stub("/v2/apis/http1/models", "{\"items\":[]}");
        stub("/v2/apis/ws1/deployments", "{\"items\":[{\"deploymentId\":\"de1\",\"description\":\"first\","
                + "\"autoDeployed\":false,\"deploymentStatus\":\"DEPLOYED\"},{\"deploymentId\":\"de-auto\","
                + "\"autoDeployed\":true,\"deploymentStatus\":\"DEPLOYED\"},{\"deploymentId\":\"de-hand\","
                + "\"description\":\"console\",\"autoDeployed\":false,\"deploymentStatus\":\"DEPLOYED\"}]}");
        stub("/v2/apis/http1/deployments", "{\"items\":[]}");
        stub("/v2/apis/ws1/routes", "{\"items\":[{\"routeId\":\"ro1\",\"routeKey\":\"$default\","
                + "\"routeResponseSelectionExpression\":\"$default\",\"target\":\"integrations/in1\"}]}");
        stub("/v2/apis/http1/routes", "{\"items\":[{\"routeId\":\"ro2\",\"routeKey\":\"GET /orders\"}]}");
        stub("/v2/apis/ws1/routes/ro1/routeresponses", "{\"items\":[{\"routeResponseId\":\"rr1\","
                + "\"routeResponseKey\":\"$default\",\"modelSelectionExpression\":\"$request.body.type\","
                + "\"responseModels\":{\"$default\":\"Message\"}},{\"routeResponseId\":\"rr-hand\","
                + "\"routeResponseKey\":\"$default\"}]}");
        stub("/v2/apis/ws1/integrations", "{\"items\":[{\"integrationId\":\"in1\",\"integrationType\":\"MOCK\"}]}");
        stub("/v2/apis/http1/integrations", "{\"items\":[]}");
        stub("/v2/apis/ws1/integrations/in1/integrationresponses", "{\"items\":[{\"integrationResponseId\":\"ir1\","
                + "\"integrationResponseKey\":\"/200/\",\"templateSelectionExpression\":\"\\\\$default\","
                + "\"responseTemplates\":{\"$default\":\"{}\"},\"contentHandlingStrategy\":\"CONVERT_TO_TEXT\"}]}");
        stubDomains();
    }

    private void stubDomains() {
        stub("/v2/domainnames", "{\"items\":[{\"domainName\":\"ws.example.com\",\"apiMappingSelectionExpression\":"
                + "\"$request.basepath\",\"domainNameConfigurations\":[{\"apiGatewayDomainName\":"
                + "\"d-abc.execute-api.us-east-1.amazonaws.com\",\"certificateArn\":\"" + CERTIFICATE + "\","
                + "\"endpointType\":\"REGIONAL\",\"hostedZoneId\":\"Z1UJRXOUMOOFQ8\",\"securityPolicy\":\"TLS_1_2\","
                + "\"domainNameStatus\":\"AVAILABLE\",\"ipAddressType\":\"ipv4\"}],\"tags\":{}}]}");
        stub("/v2/domainnames/ws.example.com/apimappings", "{\"items\":[{\"apiId\":\"ws1\",\"apiMappingId\":\"am1\","
                + "\"apiMappingKey\":\"chat\",\"stage\":\"prod\"},{\"apiId\":\"ws1\",\"apiMappingId\":\"am-hand\","
                + "\"apiMappingKey\":\"\",\"stage\":\"prod\"}]}");
        stub("/v2/vpclinks", "{\"items\":[{\"vpcLinkId\":\"vl1\",\"name\":\"orders\",\"securityGroupIds\":[\"sg-1\"],"
                + "\"subnetIds\":[\"subnet-1\",\"subnet-2\"],\"vpcLinkStatus\":\"AVAILABLE\",\"tags\":{}}]}");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void resourcesAsTerraformWroteThemAreInSyncAndOnlyHandMadeOnesOfManagedApisAreUnmanaged() {
        Map<String, Finding> findings = reconcile(state(Map.of()));

        TreeSet<String> notInSync = new TreeSet<>();
        findings.forEach((who, finding) -> {
            if (finding.status() != FindingStatus.IN_SYNC) {
                notInSync.add(finding.status() + " " + who + " " + finding.diffs());
            }
        });
        // a2's policy is a2's business (an unmanaged API is one finding); de-auto is auto-deploy's, AWS's own.
        assertThat(notInSync).containsExactly("UNMANAGED aws_api_gateway_rest_api a2 []",
                "UNMANAGED aws_apigatewayv2_api http1 []",
                "UNMANAGED aws_apigatewayv2_api_mapping am-hand []",
                "UNMANAGED aws_apigatewayv2_deployment de-hand []",
                "UNMANAGED aws_apigatewayv2_route_response rr-hand []");
        assertThat(findings).containsKeys("aws_api_gateway_rest_api_policy.p", "aws_apigatewayv2_authorizer.a",
                "aws_apigatewayv2_model.m", "aws_apigatewayv2_deployment.d", "aws_apigatewayv2_route_response.r",
                "aws_apigatewayv2_integration_response.i", "aws_apigatewayv2_domain_name.d",
                "aws_apigatewayv2_api_mapping.m", "aws_apigatewayv2_vpc_link.l");
        // Nothing is listed inside the unmanaged HTTP API, and route responses are never asked of an HTTP API.
        aws.verify(0, getRequestedFor(urlPathMatching("/v2/apis/http1/.*")));
    }

    @Test
    void consoleChangesShowOnTheAttributeTheyChange() {
        Map<String, Finding> findings = reconcile(state(Map.of(
                "policy", POLICY.replace("execute-api:Invoke", "execute-api:*"),
                "identity_sources", List.of("route.request.header.Authorization"),
                "schema", "{\"type\":\"array\"}",
                "response_models", Map.of("$default", "Other"),
                "content_handling_strategy", "CONVERT_TO_BINARY",
                "security_policy", "TLS_1_0",
                "subnet_ids", List.of("subnet-1"))));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach((who, finding) -> finding.diffs().forEach(diff -> changed.add(who + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_api_gateway_rest_api.a policy",
                "aws_api_gateway_rest_api_policy.p policy",
                "aws_apigatewayv2_authorizer.a identity_sources",
                "aws_apigatewayv2_domain_name.d domain_name_configuration",
                "aws_apigatewayv2_integration_response.i content_handling_strategy",
                "aws_apigatewayv2_model.m schema",
                "aws_apigatewayv2_route_response.r response_models.$default",
                "aws_apigatewayv2_vpc_link.l subnet_ids");
    }

    private void stub(String path, String body) {
        aws.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Lists the types as a scan of {@code state} does, reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : TYPES) {
                Collector collector = Collectors.forType(type).orElseThrow();
                outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                        collector.list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /** The state provider 5.100.0 writes (unset attributes empty), with {@code changes} in place of live values. */
    private static StateSnapshot state(Map<String, Object> changes) {
        String policy = (String) changes.getOrDefault("policy", POLICY);
        List<StateResource> resources = new ArrayList<>();
        resources.add(resource("aws_api_gateway_rest_api", "a", "a1", Map.ofEntries(Map.entry("name", "orders"),
                Map.entry("description", ""), Map.entry("api_key_source", "HEADER"),
                Map.entry("binary_media_types", List.of()), Map.entry("minimum_compression_size", ""),
                Map.entry("disable_execute_api_endpoint", false), Map.entry("policy", policy),
                Map.entry("endpoint_configuration", List.of(Map.of("types", List.of("REGIONAL"),
                        "vpc_endpoint_ids", List.of(), "ip_address_type", ""))),
                Map.entry("tags", Map.of()), Map.entry("tags_all", Map.of()))));
        resources.add(resource("aws_api_gateway_rest_api_policy", "p", "a1", Map.of("rest_api_id", "a1",
                "policy", policy)));
        resources.add(resource("aws_apigatewayv2_api", "ws", "ws1", Map.ofEntries(Map.entry("name", "chat"),
                Map.entry("protocol_type", "WEBSOCKET"), Map.entry("description", ""),
                Map.entry("route_selection_expression", "$request.body.action"),
                Map.entry("api_key_selection_expression", "$request.header.x-api-key"),
                Map.entry("cors_configuration", List.of()), Map.entry("disable_execute_api_endpoint", false),
                Map.entry("ip_address_type", ""), Map.entry("version", ""), Map.entry("tags_all", Map.of()))));
        resources.add(resource("aws_apigatewayv2_authorizer", "a", "au1", Map.ofEntries(Map.entry("api_id", "ws1"),
                Map.entry("name", "tokens"), Map.entry("authorizer_type", "REQUEST"),
                Map.entry("authorizer_uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"),
                Map.entry("authorizer_credentials_arn", ""), Map.entry("authorizer_payload_format_version", ""),
                Map.entry("authorizer_result_ttl_in_seconds", 0), Map.entry("enable_simple_responses", false),
                Map.entry("identity_sources", changes.getOrDefault("identity_sources", List.of("route.request.header.Auth"))),
                Map.entry("jwt_configuration", List.of()))));
        resources.add(resource("aws_apigatewayv2_model", "m", "mo1", Map.of("api_id", "ws1", "name", "Message",
                "content_type", "application/json", "description", "",
                "schema", changes.getOrDefault("schema", "{\"type\":\"object\"}"))));
        resources.add(resource("aws_apigatewayv2_deployment", "d", "de1", Map.of("api_id", "ws1",
                "description", "first", "auto_deployed", false)));
        resources.add(resource("aws_apigatewayv2_route_response", "r", "rr1", Map.of("api_id", "ws1",
                "route_id", "ro1", "route_response_key", "$default", "model_selection_expression", "$request.body.type",
                "response_models", changes.getOrDefault("response_models", Map.of("$default", "Message")))));
        resources.add(resource("aws_apigatewayv2_integration_response", "i", "ir1", Map.of("api_id", "ws1",
                "integration_id", "in1", "integration_response_key", "/200/",
                "template_selection_expression", "\\$default", "response_templates", Map.of("$default", "{}"),
                "content_handling_strategy", changes.getOrDefault("content_handling_strategy", "CONVERT_TO_TEXT"))));
        resources.add(resource("aws_apigatewayv2_domain_name", "d", "ws.example.com", Map.of(
                "domain_name", "ws.example.com", "api_mapping_selection_expression", "$request.basepath",
                "domain_name_configuration", List.of(Map.of("certificate_arn", CERTIFICATE, "endpoint_type", "REGIONAL",
                        "hosted_zone_id", "Z1UJRXOUMOOFQ8", "ip_address_type", "ipv4",
                        "ownership_verification_certificate_arn", "",
                        "security_policy", changes.getOrDefault("security_policy", "TLS_1_2"),
                        "target_domain_name", "d-abc.execute-api.us-east-1.amazonaws.com")),
                "mutual_tls_authentication", List.of(), "tags_all", Map.of())));
        resources.add(resource("aws_apigatewayv2_api_mapping", "m", "am1", Map.of("api_id", "ws1",
                "api_mapping_key", "chat", "domain_name", "ws.example.com", "stage", "prod")));
        resources.add(resource("aws_apigatewayv2_vpc_link", "l", "vl1", Map.of("name", "orders",
                "security_group_ids", List.of("sg-1"),
                "subnet_ids", changes.getOrDefault("subnet_ids", List.of("subnet-2", "subnet-1")), "tags_all", Map.of())));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        return new StateResource(type + "." + name, "", type, name, id, "hand.tfstate", withId);
    }
}
