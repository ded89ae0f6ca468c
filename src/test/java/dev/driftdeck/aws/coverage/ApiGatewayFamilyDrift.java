package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ConnectionType;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * What an operator does in the console to the {@code fixtures/terraform/apigateway} resources: edits, deletions and
 * hand-made objects (one whole API among them, which must read as that one API); returns the findings a scan must
 * then report, as {@link CoverageFixture#drift} renders them.
 */
final class ApiGatewayFamilyDrift {

    private ApiGatewayFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        restApi(f, expected);
        accessControl(f, expected);
        httpApi(f, expected);
        domains(f, expected);
        return expected;
    }

    private static PatchOperation replace(String path, String value) {
        return PatchOperation.builder().op(Op.REPLACE).path(path).value(value).build();
    }

    private static void restApi(CoverageFixture f, List<String> expected) {
        String api = f.id("aws_api_gateway_rest_api.api");
        String r0 = f.id("aws_api_gateway_resource.r[0]");
        try (ApiGatewayClient gw = MotoClients.of(ApiGatewayClient.builder())) {
            gw.updateRestApi(r -> r.restApiId(api).patchOperations(replace("/description", "edited by hand")));
            expected.add("CHANGED aws_api_gateway_rest_api.api description");

            // A resource deleted takes its method, integration and both responses with it.
            gw.deleteResource(r -> r.restApiId(api).resourceId(f.id("aws_api_gateway_resource.r[1]")));
            expected.addAll(List.of("MISSING aws_api_gateway_resource.r[1]", "MISSING aws_api_gateway_method.m[1]",
                    "MISSING aws_api_gateway_integration.i[1]", "MISSING aws_api_gateway_method_response.ok[1]",
                    "MISSING aws_api_gateway_integration_response.ok[1]"));
            // Added by hand to the managed API: a resource with a method.
            String byHand = gw.createResource(r -> r.restApiId(api).parentId(f.attribute("aws_api_gateway_rest_api.api",
                    "root_resource_id")).pathPart("by-hand")).id();
            gw.putMethod(r -> r.restApiId(api).resourceId(byHand).httpMethod("POST").authorizationType("NONE"));
            expected.addAll(List.of("UNMANAGED aws_api_gateway_resource " + byHand,
                    "UNMANAGED aws_api_gateway_method agm-" + api + "-" + byHand + "-POST"));

            // The integration replaced with other templates: AWS drops its integration responses with it. (AWS fills
            // in the connection type and timeout defaults itself; moto keeps what it is sent, so they are sent.)
            gw.putIntegration(r -> r.restApiId(api).resourceId(r0).httpMethod("GET").type(IntegrationType.MOCK)
                    .connectionType(ConnectionType.INTERNET).timeoutInMillis(29_000)
                    .requestTemplates(Map.of("application/json", "{\"statusCode\": 500}")));
            expected.addAll(List.of("CHANGED aws_api_gateway_integration.i[0] request_templates.application/json",
                    "MISSING aws_api_gateway_integration_response.ok[0]"));
            gw.putMethodResponse(r -> r.restApiId(api).resourceId(r0).httpMethod("GET").statusCode("200")
                    .responseModels(Map.of("application/json", "Empty")));
            expected.add("CHANGED aws_api_gateway_method_response.ok[0] response_models.application/json");

            // "Deploy API" to the stage: a new deployment, the stage moved to it; a stage variable edited.
            String deployment = gw.createDeployment(r -> r.restApiId(api).description("by hand")).id();
            gw.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
                    replace("/deploymentId", deployment), replace("/variables/color", "green"),
                    replace("/*/*/metrics/enabled", "false")));
            expected.addAll(List.of("UNMANAGED aws_api_gateway_deployment " + deployment,
                    "CHANGED aws_api_gateway_stage.s deployment_id", "CHANGED aws_api_gateway_stage.s variables.color",
                    "CHANGED aws_api_gateway_method_settings.all settings"));

            gw.updateAuthorizer(r -> r.restApiId(api).authorizerId(f.id("aws_api_gateway_authorizer.a"))
                    .patchOperations(replace("/authorizerResultTtlInSeconds", "0")));
            expected.add("CHANGED aws_api_gateway_authorizer.a authorizer_result_ttl_in_seconds");
            gw.deleteModel(r -> r.restApiId(api).modelName("Order"));
            expected.add("MISSING aws_api_gateway_model.m");
            gw.updateRequestValidator(r -> r.restApiId(api).requestValidatorId(f.id("aws_api_gateway_request_validator.v"))
                    .patchOperations(replace("/validateRequestParameters", "true")));
            expected.add("CHANGED aws_api_gateway_request_validator.v validate_request_parameters");
            gw.putGatewayResponse(r -> r.restApiId(api).responseType(GatewayResponseType.UNAUTHORIZED).statusCode("403")
                    .responseTemplates(Map.of("application/json", "{\"message\":$context.error.messageString}")));
            expected.add("CHANGED aws_api_gateway_gateway_response.g status_code");
            gw.putGatewayResponse(r -> r.restApiId(api).responseType(GatewayResponseType.THROTTLED).statusCode("429"));
            expected.add("UNMANAGED aws_api_gateway_gateway_response aggr-" + api + "-THROTTLED");

            // A whole API made by hand, with a resource and a method: one unmanaged API, its insides its own.
            String other = gw.createRestApi(r -> r.name("by-hand")).id();
            String root = gw.getResources(r -> r.restApiId(other)).items().getFirst().id();
            String child = gw.createResource(r -> r.restApiId(other).parentId(root).pathPart("inside")).id();
            gw.putMethod(r -> r.restApiId(other).resourceId(child).httpMethod("GET").authorizationType("NONE"));
            expected.add("UNMANAGED aws_api_gateway_rest_api " + other);
        }
    }

    private static void accessControl(CoverageFixture f, List<String> expected) {
        String plan = f.id("aws_api_gateway_usage_plan.p");
        try (ApiGatewayClient gw = MotoClients.of(ApiGatewayClient.builder())) {
            gw.updateApiKey(r -> r.apiKey(f.id("aws_api_gateway_api_key.k[0]")).patchOperations(replace("/enabled", "false")));
            expected.add("CHANGED aws_api_gateway_api_key.k[0] enabled");
            String key = gw.createApiKey(r -> r.name("by-hand").enabled(true)).id();
            expected.add("UNMANAGED aws_api_gateway_api_key " + key);

            gw.updateUsagePlan(r -> r.usagePlanId(plan).patchOperations(replace("/throttle/rateLimit", "50")));
            expected.add("CHANGED aws_api_gateway_usage_plan.p throttle_settings");
            gw.deleteUsagePlanKey(r -> r.usagePlanId(plan).keyId(f.id("aws_api_gateway_api_key.k[1]")));
            expected.add("MISSING aws_api_gateway_usage_plan_key.k[1]");
            gw.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key).keyType("API_KEY"));
            expected.add("UNMANAGED aws_api_gateway_usage_plan_key " + plan + "/" + key);
        }
    }

    private static void domains(CoverageFixture f, List<String> expected) {
        try (ApiGatewayClient gw = MotoClients.of(ApiGatewayClient.builder())) {
            gw.deleteBasePathMapping(r -> r.domainName("api.example.com").basePath("orders"));
            expected.add("MISSING aws_api_gateway_base_path_mapping.m");
            gw.createBasePathMapping(r -> r.domainName("api.example.com").basePath("by-hand")
                    .restApiId(f.id("aws_api_gateway_rest_api.api")).stage("prod"));
            expected.add("UNMANAGED aws_api_gateway_base_path_mapping api.example.com/by-hand");
            gw.createDomainName(r -> r.domainName("by-hand.example.com").regionalCertificateArn(
                    f.attribute("aws_api_gateway_domain_name.d", "regional_certificate_arn")));
            expected.add("UNMANAGED aws_api_gateway_domain_name by-hand.example.com");
            gw.deleteVpcLink(r -> r.vpcLinkId(f.id("aws_api_gateway_vpc_link.l")));
            expected.add("MISSING aws_api_gateway_vpc_link.l");
        }
    }

    private static void httpApi(CoverageFixture f, List<String> expected) {
        String api = f.id("aws_apigatewayv2_api.http");
        try (ApiGatewayV2Client v2 = MotoClients.of(ApiGatewayV2Client.builder())) {
            v2.updateApi(r -> r.apiId(api).description("edited by hand"));
            expected.add("CHANGED aws_apigatewayv2_api.http description");
            v2.updateRoute(r -> r.apiId(api).routeId(f.id("aws_apigatewayv2_route.r")).apiKeyRequired(true));
            expected.add("CHANGED aws_apigatewayv2_route.r api_key_required");
            v2.updateIntegration(r -> r.apiId(api).integrationId(f.id("aws_apigatewayv2_integration.i"))
                    .integrationUri("https://example.com/other"));
            expected.add("CHANGED aws_apigatewayv2_integration.i integration_uri");
            v2.deleteStage(r -> r.apiId(api).stageName("prod"));
            expected.add("MISSING aws_apigatewayv2_stage.s");
            v2.createStage(r -> r.apiId(api).stageName("by-hand"));
            expected.add("UNMANAGED aws_apigatewayv2_stage " + api + "/by-hand");
            String route = v2.createRoute(r -> r.apiId(api).routeKey("POST /by-hand")).routeId();
            expected.add("UNMANAGED aws_apigatewayv2_route " + route);

            String other = v2.createApi(r -> r.name("by-hand").protocolType(ProtocolType.HTTP)).apiId();
            v2.createRoute(r -> r.apiId(other).routeKey("GET /inside"));
            expected.add("UNMANAGED aws_apigatewayv2_api " + other);
        }
    }
}
