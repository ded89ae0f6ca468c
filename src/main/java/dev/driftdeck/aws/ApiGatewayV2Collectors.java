package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.orEmpty;
import static dev.driftdeck.aws.ApiGatewayListings.paged;
import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.MAP;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.RouteSettings;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;
import dev.driftdeck.remediation.ImportIds;

/**
 * API Gateway HTTP and WebSocket APIs (v2): the region's APIs once, then per API whose children are listed (see
 * {@link ApiGatewayV2Listings}) one paged listing each of routes, integrations, stages, authorizers, models and
 * deployments, and for WebSocket APIs (the only ones that have them) the responses of each route and integration.
 * What API Gateway made itself is left out unless strict or managed: the routes, integrations and stages of a
 * quick-created API ({@code apiGatewayManaged}) and the deployments auto-deploy made ({@code autoDeployed}).
 */
final class ApiGatewayV2Collectors {

    static final String API = "aws_apigatewayv2_api";
    static final String ROUTE = "aws_apigatewayv2_route";
    static final String INTEGRATION = "aws_apigatewayv2_integration";
    static final String STAGE = "aws_apigatewayv2_stage";
    static final String AUTHORIZER = "aws_apigatewayv2_authorizer";
    static final String MODEL = "aws_apigatewayv2_model";
    static final String DEPLOYMENT = "aws_apigatewayv2_deployment";
    static final String ROUTE_RESPONSE = "aws_apigatewayv2_route_response";
    static final String INTEGRATION_RESPONSE = "aws_apigatewayv2_integration_response";
    private static final List<String> API_CHILDREN = List.of(ROUTE, INTEGRATION, STAGE, AUTHORIZER, MODEL, DEPLOYMENT,
            ROUTE_RESPONSE, INTEGRATION_RESPONSE);
    private static final String GET = "apigateway:GET";

    private ApiGatewayV2Collectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(API).actions(GET)
                        .compare("name", STRING).compare("protocol_type", STRING).compare("description", STRING)
                        .compare("api_key_selection_expression", STRING).compare("route_selection_expression", STRING)
                        .compare("cors_configuration", SET).compare("disable_execute_api_endpoint", SCALAR)
                        .compare("ip_address_type", STRING).compare("version", STRING).compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "fail_on_warnings")
                        .notCompared("an OpenAPI import input: what it creates is compared as its own types", "body")
                        .notCompared("quick-create input: the route, integration and stage it makes are the API's",
                                "credentials_arn", "route_key", "target")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayV2Collectors::apis),
                CollectorDefinition.regional(ROUTE).actions(GET)
                        .compare("api_id", STRING).compare("route_key", STRING).compare("target", STRING)
                        .compare("authorization_type", CASE_INSENSITIVE).compare("authorizer_id", STRING)
                        .compare("authorization_scopes", SET).compare("api_key_required", SCALAR)
                        .compare("model_selection_expression", STRING).compare("operation_name", STRING)
                        .compare("request_models", MAP).compare("request_parameter", SET)
                        .compare("route_response_selection_expression", STRING)
                        .importId(ImportIds.computed("APIID/ROUTEID", live -> ImportIdsOf.underApi(live, "api_id"))).listedBy(ApiGatewayV2Collectors::routes),
                CollectorDefinition.regional(INTEGRATION).actions(GET)
                        .compare("api_id", STRING).compare("integration_type", STRING)
                        .compare("integration_method", STRING).compare("integration_uri", STRING)
                        .compare("integration_subtype", STRING).compare("connection_type", STRING)
                        .compare("connection_id", STRING).compare("credentials_arn", STRING)
                        .compare("description", STRING).compare("passthrough_behavior", STRING)
                        .compare("payload_format_version", STRING).compare("request_parameters", MAP)
                        .compare("request_templates", MAP).compare("response_parameters", SET)
                        .compare("template_selection_expression", STRING).compare("timeout_milliseconds", SCALAR)
                        .compare("tls_config", SET).compare("content_handling_strategy", STRING)
                        .importId(ImportIds.computed("APIID/INTEGRATIONID", live -> ImportIdsOf.underApi(live, "api_id"))).listedBy(ApiGatewayV2Collectors::integrations),
                // Terraform's id is the stage name, not unique across APIs ($default): matched on API and name.
                CollectorDefinition.regional(STAGE).actions(GET).idFrom("api_id", "name")
                        .compare("auto_deploy", SCALAR).compare("deployment_id", STRING).compare("description", STRING)
                        .compare("stage_variables", MAP).compare("client_certificate_id", STRING)
                        .compare("access_log_settings", SET).compare("default_route_settings", SET)
                        .compare("route_settings", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "api_id", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayV2Collectors::stages),
                CollectorDefinition.regional(AUTHORIZER).actions(GET)
                        .compare("api_id", STRING).compare("name", STRING).compare("authorizer_type", STRING)
                        .compare("authorizer_uri", STRING).compare("authorizer_credentials_arn", STRING)
                        .compare("authorizer_payload_format_version", STRING)
                        .compare("authorizer_result_ttl_in_seconds", SCALAR).compare("enable_simple_responses", SCALAR)
                        .compare("identity_sources", SET).compare("jwt_configuration", SET)
                        .importId(ImportIds.computed("APIID/AUTHORIZERID", live -> ImportIdsOf.underApi(live, "api_id"))).listedBy(ApiGatewayV2Collectors::authorizers),
                CollectorDefinition.regional(MODEL).actions(GET)
                        .compare("api_id", STRING).compare("name", STRING).compare("content_type", STRING)
                        .compare("description", STRING).compare("schema", JSON_DOCUMENT)
                        .importId(ImportIds.computed("APIID/MODELID", live -> ImportIdsOf.underApi(live, "api_id"))).listedBy(ApiGatewayV2Collectors::models),
                // Deployments auto-deploy made are the stage's (AWS's own), left out unless managed or strict.
                CollectorDefinition.regional(DEPLOYMENT).actions(GET)
                        .compare("api_id", STRING).compare("description", STRING)
                        .notCompared(NotCompared.TERRAFORM_ONLY, "triggers")
                        .importId(ImportIds.computed("APIID/DEPLOYMENTID", live -> ImportIdsOf.underApi(live, "api_id"))).listedBy(ApiGatewayV2Collectors::deployments),
                CollectorDefinition.regional(ROUTE_RESPONSE).actions(GET)
                        .compare("api_id", STRING).compare("route_id", STRING).compare("route_response_key", STRING)
                        .compare("model_selection_expression", STRING).compare("response_models", MAP)
                        .importId(ImportIds.computed("APIID/ROUTEID/ROUTERESPONSEID", live -> ImportIdsOf.underApiAndParent(live, "route_id"))).listedBy(ApiGatewayV2Collectors::routeResponses),
                CollectorDefinition.regional(INTEGRATION_RESPONSE).actions(GET)
                        .compare("api_id", STRING).compare("integration_id", STRING)
                        .compare("integration_response_key", STRING).compare("template_selection_expression", STRING)
                        .compare("response_templates", MAP).compare("content_handling_strategy", STRING)
                        .importId(ImportIds.computed("APIID/INTEGRATIONID/INTEGRATIONRESPONSEID", live -> ImportIdsOf.underApiAndParent(live, "integration_id"))).listedBy(ApiGatewayV2Collectors::integrationResponses));
    }

    private static ApiGatewayV2Client client(CollectorContext ctx) {
        return ApiGatewayV2Listings.client(ctx);
    }

    private static List<String> apiIds(CollectorContext ctx) {
        return ApiGatewayV2Listings.apisWithChildren(ctx, API_CHILDREN).stream().map(Api::apiId).toList();
    }

    private static LiveResource live(CollectorContext ctx, String type, String id, Supplier<Map<String, Object>> attributes) {
        return live(ctx, type, id, Map.of(), attributes);
    }

    /** A child: unmanaged, it keeps the ids it was listed under, which its import id names ({@code API/ROUTE}). */
    private static LiveResource live(CollectorContext ctx, String type, String id, Map<String, Object> parents,
                                     Supplier<Map<String, Object>> attributes) {
        return ctx.manages(type, id) ? ctx.resource(type, id, attributes.get()) : ctx.identityOnly(type, id, parents);
    }

    /** AWS's own objects of a quick-created API: kept when managed or strict. */
    private static boolean keep(CollectorContext ctx, String type, String id, Boolean apiGatewayManaged) {
        return !Boolean.TRUE.equals(apiGatewayManaged) || ctx.strict() || ctx.manages(type, id);
    }

    private static List<LiveResource> apis(CollectorContext ctx) {
        return ApiGatewayV2Listings.apis(ctx).stream().map(api -> live(ctx, API, api.apiId(), () -> {
            var cors = api.corsConfiguration();
            return Attributes.of()
                    .put("name", api.name())
                    .put("protocol_type", api.protocolTypeAsString())
                    .put("description", api.description())
                    .put("api_key_selection_expression", api.apiKeySelectionExpression())
                    .put("route_selection_expression", api.routeSelectionExpression())
                    .put("cors_configuration", cors == null ? List.of() : List.of(Attributes.of()
                            .put("allow_credentials", Boolean.TRUE.equals(cors.allowCredentials()))
                            .put("allow_headers", cors.allowHeaders())
                            .put("allow_methods", cors.allowMethods())
                            .put("allow_origins", cors.allowOrigins())
                            .put("expose_headers", cors.exposeHeaders())
                            .put("max_age", cors.maxAge() == null ? 0 : cors.maxAge())
                            .build()))
                    .put("disable_execute_api_endpoint", Boolean.TRUE.equals(api.disableExecuteApiEndpoint()))
                    .put("ip_address_type", api.ipAddressTypeAsString())
                    .put("version", api.version())
                    .put("tags", orEmpty(api.tags()))
                    .build();
        })).toList();
    }

    private static List<LiveResource> routes(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            for (Route route : ApiGatewayV2Listings.routes(ctx, api)) {
                if (keep(ctx, ROUTE, route.routeId(), route.apiGatewayManaged())) {
                    live.add(live(ctx, ROUTE, route.routeId(), Map.of("api_id", api), () -> route(api, route)));
                }
            }
        }
        return live;
    }

    private static Map<String, Object> route(String api, Route route) {
        List<Object> parameters = new ArrayList<>();
        route.requestParameters().forEach((key, constraints) -> parameters.add(Attributes.of()
                .put("request_parameter_key", key)
                .put("required", Boolean.TRUE.equals(constraints.required()))
                .build()));
        return Attributes.of()
                .put("api_id", api)
                .put("route_key", route.routeKey())
                .put("target", route.target())
                .put("authorization_type", route.authorizationTypeAsString())
                .put("authorizer_id", route.authorizerId())
                .put("authorization_scopes", route.authorizationScopes())
                .put("api_key_required", Boolean.TRUE.equals(route.apiKeyRequired()))
                .put("model_selection_expression", route.modelSelectionExpression())
                .put("operation_name", route.operationName())
                .put("request_models", route.requestModels())
                .put("request_parameter", parameters)
                .put("route_response_selection_expression", route.routeResponseSelectionExpression())
                .build();
    }

    private static List<LiveResource> integrations(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            for (Integration integration : ApiGatewayV2Listings.integrations(ctx, api)) {
                if (keep(ctx, INTEGRATION, integration.integrationId(), integration.apiGatewayManaged())) {
                    live.add(live(ctx, INTEGRATION, integration.integrationId(), Map.of("api_id", api), () -> integration(api, integration)));
                }
            }
        }
        return live;
    }

    private static Map<String, Object> integration(String api, Integration integration) {
        List<Object> responses = new ArrayList<>();
        integration.responseParameters().forEach((status, mappings) -> responses.add(Attributes.of()
                .put("status_code", status)
                .put("mappings", mappings)
                .build()));
        var tls = integration.tlsConfig();
        return Attributes.of()
                .put("api_id", api)
                .put("integration_type", integration.integrationTypeAsString())
                .put("integration_method", integration.integrationMethod())
                .put("integration_uri", integration.integrationUri())
                .put("integration_subtype", integration.integrationSubtype())
                .put("connection_type", integration.connectionTypeAsString())
                .put("connection_id", integration.connectionId())
                .put("credentials_arn", integration.credentialsArn())
                .put("description", integration.description())
                .put("passthrough_behavior", integration.passthroughBehaviorAsString())
                .put("payload_format_version", integration.payloadFormatVersion())
                .put("request_parameters", integration.requestParameters())
                .put("request_templates", integration.requestTemplates())
                .put("response_parameters", responses)
                .put("template_selection_expression", integration.templateSelectionExpression())
                .put("timeout_milliseconds", integration.timeoutInMillis())
                .put("tls_config", tls == null ? List.of() : List.of(Attributes.of()
                        .put("server_name_to_verify", tls.serverNameToVerify()).build()))
                .put("content_handling_strategy", integration.contentHandlingStrategyAsString())
                .build();
    }

    private static List<LiveResource> stages(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            for (Stage stage : paged(token -> client(ctx).getStages(r -> r.apiId(api).nextToken(token)),
                    page -> page.items(), page -> page.nextToken())) {
                String id = api + "/" + stage.stageName();
                if (keep(ctx, STAGE, id, stage.apiGatewayManaged())) {
                    live.add(live(ctx, STAGE, id, () -> stage(api, stage)));
                }
            }
        }
        return live;
    }

    private static Map<String, Object> stage(String api, Stage stage) {
        var logs = stage.accessLogSettings();
        List<Object> routeSettings = new ArrayList<>();
        stage.routeSettings().forEach((routeKey, settings) -> {
            Map<String, Object> block = routeSettings(settings);
            block.put("route_key", routeKey);
            routeSettings.add(block);
        });
        return Attributes.of()
                .put("api_id", api)
                .put("name", stage.stageName())
                .put("auto_deploy", Boolean.TRUE.equals(stage.autoDeploy()))
                .put("deployment_id", stage.deploymentId())
                .put("description", stage.description())
                .put("stage_variables", stage.stageVariables())
                .put("client_certificate_id", stage.clientCertificateId())
                .put("access_log_settings", logs == null ? List.of() : List.of(Attributes.of()
                        .put("destination_arn", logs.destinationArn())
                        .put("format", logs.format())
                        .build()))
                .put("default_route_settings", stage.defaultRouteSettings() == null ? List.of()
                        : List.of(routeSettings(stage.defaultRouteSettings())))
                .put("route_settings", routeSettings)
                .put("tags", orEmpty(stage.tags()))
                .build();
    }

    /** Route settings with the provider's zero values for what AWS leaves out. */
    private static Map<String, Object> routeSettings(RouteSettings settings) {
        return Attributes.of()
                .put("data_trace_enabled", Boolean.TRUE.equals(settings.dataTraceEnabled()))
                .put("detailed_metrics_enabled", Boolean.TRUE.equals(settings.detailedMetricsEnabled()))
                .put("logging_level", settings.loggingLevelAsString())
                .put("throttling_burst_limit", settings.throttlingBurstLimit() == null ? 0 : settings.throttlingBurstLimit())
                .put("throttling_rate_limit", settings.throttlingRateLimit() == null ? 0 : settings.throttlingRateLimit())
                .build();
    }

    private static List<LiveResource> authorizers(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            paged(token -> client(ctx).getAuthorizers(r -> r.apiId(api).nextToken(token)), page -> page.items(),
                    page -> page.nextToken()).forEach(authorizer -> live.add(live(ctx, AUTHORIZER,
                    authorizer.authorizerId(), Map.of("api_id", api), () -> {
                        var jwt = authorizer.jwtConfiguration();
                        return Attributes.of()
                                .put("api_id", api)
                                .put("name", authorizer.name())
                                .put("authorizer_type", authorizer.authorizerTypeAsString())
                                .put("authorizer_uri", authorizer.authorizerUri())
                                .put("authorizer_credentials_arn", authorizer.authorizerCredentialsArn())
                                .put("authorizer_payload_format_version", authorizer.authorizerPayloadFormatVersion())
                                .put("authorizer_result_ttl_in_seconds", authorizer.authorizerResultTtlInSeconds() == null
                                        ? 0 : authorizer.authorizerResultTtlInSeconds())
                                .put("enable_simple_responses", Boolean.TRUE.equals(authorizer.enableSimpleResponses()))
                                .put("identity_sources", authorizer.identitySource())
                                .put("jwt_configuration", jwt == null ? List.of() : List.of(Attributes.of()
                                        .put("audience", jwt.audience()).put("issuer", jwt.issuer()).build()))
                                .build();
                    })));
        }
        return live;
    }

    private static List<LiveResource> models(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            paged(token -> client(ctx).getModels(r -> r.apiId(api).nextToken(token)), page -> page.items(),
                    page -> page.nextToken()).forEach(model -> live.add(live(ctx, MODEL, model.modelId(), Map.of("api_id", api),
                    () -> ApiGatewayShapes.model("api_id", api, model.name(), model.contentType(), model.description(),
                            model.schema()))));
        }
        return live;
    }

    private static List<LiveResource> deployments(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apiIds(ctx)) {
            paged(token -> client(ctx).getDeployments(r -> r.apiId(api).nextToken(token)), page -> page.items(),
                    page -> page.nextToken()).forEach(deployment -> {
                        if (keep(ctx, DEPLOYMENT, deployment.deploymentId(), deployment.autoDeployed())) {
                            live.add(live(ctx, DEPLOYMENT, deployment.deploymentId(), Map.of("api_id", api), () -> Attributes.of()
                                    .put("api_id", api)
                                    .put("description", deployment.description())
                                    .build()));
                        }
                    });
        }
        return live;
    }

    /** One GetRouteResponses per route of a WebSocket API whose children are listed (the API's shape). */
    private static List<LiveResource> routeResponses(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (Api api : ApiGatewayV2Listings.apisWithChildren(ctx, API_CHILDREN)) {
            if (!ApiGatewayV2Listings.webSocket(api)) {
                continue;
            }
            for (Route route : ApiGatewayV2Listings.routes(ctx, api.apiId())) {
                paged(token -> client(ctx).getRouteResponses(r -> r.apiId(api.apiId()).routeId(route.routeId())
                        .nextToken(token)), page -> page.items(), page -> page.nextToken()).forEach(response ->
                        live.add(live(ctx, ROUTE_RESPONSE, response.routeResponseId(),
                                Map.of("api_id", api.apiId(), "route_id", route.routeId()), () -> Attributes.of()
                                .put("api_id", api.apiId())
                                .put("route_id", route.routeId())
                                .put("route_response_key", response.routeResponseKey())
                                .put("model_selection_expression", response.modelSelectionExpression())
                                .put("response_models", response.responseModels())
                                .build())));
            }
        }
        return live;
    }

    /** One GetIntegrationResponses per integration of a WebSocket API whose children are listed. */
    private static List<LiveResource> integrationResponses(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (Api api : ApiGatewayV2Listings.apisWithChildren(ctx, API_CHILDREN)) {
            if (!ApiGatewayV2Listings.webSocket(api)) {
                continue;
            }
            for (Integration integration : ApiGatewayV2Listings.integrations(ctx, api.apiId())) {
                paged(token -> client(ctx).getIntegrationResponses(r -> r.apiId(api.apiId())
                        .integrationId(integration.integrationId()).nextToken(token)), page -> page.items(),
                        page -> page.nextToken()).forEach(response ->
                        live.add(live(ctx, INTEGRATION_RESPONSE, response.integrationResponseId(),
                                Map.of("api_id", api.apiId(), "integration_id", integration.integrationId()), () -> Attributes.of()
                                .put("api_id", api.apiId())
                                .put("integration_id", integration.integrationId())
                                .put("integration_response_key", response.integrationResponseKey())
                                .put("template_selection_expression", response.templateSelectionExpression())
                                .put("response_templates", response.responseTemplates())
                                .put("content_handling_strategy", response.contentHandlingStrategyAsString())
                                .build())));
            }
        }
        return live;
    }
}
