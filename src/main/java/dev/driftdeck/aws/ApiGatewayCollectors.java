package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.PAGE;
import static dev.driftdeck.aws.ApiGatewayListings.apisWithChildren;
import static dev.driftdeck.aws.ApiGatewayListings.client;
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
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import dev.driftdeck.remediation.ImportIds;

/**
 * API Gateway REST APIs (v1) and what hangs off them. Listing: the region's REST APIs, API keys and usage plans
 * once each (paged at 500); then, per API whose children are listed (see {@link ApiGatewayListings}), one paged
 * GetResources with methods embedded (resources, methods, integrations, method and integration responses), and one
 * listing each of deployments, stages (with method settings), authorizers, models, request validators and gateway
 * responses; per such usage plan its keys. No call per managed resource: every listing returns whole objects.
 *
 * <p>Ids are Terraform's: the API's own ids where it writes them, and its composites ({@code agm-api-resource-GET},
 * {@code ags-api-stage}, {@code aggr-api-TYPE}...) elsewhere. AWS's own objects (an API's root resource "/", the
 * gateway responses AWS defines until someone customises them) are left out unless strict.
 */
final class ApiGatewayCollectors {

    static final String REST_API = "aws_api_gateway_rest_api";
    static final String REST_API_POLICY = "aws_api_gateway_rest_api_policy";
    static final String RESOURCE = "aws_api_gateway_resource";
    static final String METHOD = "aws_api_gateway_method";
    static final String INTEGRATION = "aws_api_gateway_integration";
    static final String METHOD_RESPONSE = "aws_api_gateway_method_response";
    static final String INTEGRATION_RESPONSE = "aws_api_gateway_integration_response";
    static final String DEPLOYMENT = "aws_api_gateway_deployment";
    static final String STAGE = "aws_api_gateway_stage";
    static final String METHOD_SETTINGS = "aws_api_gateway_method_settings";
    static final String AUTHORIZER = "aws_api_gateway_authorizer";
    static final String MODEL = "aws_api_gateway_model";
    static final String REQUEST_VALIDATOR = "aws_api_gateway_request_validator";
    static final String GATEWAY_RESPONSE = "aws_api_gateway_gateway_response";
    static final String API_KEY = "aws_api_gateway_api_key";
    static final String USAGE_PLAN = "aws_api_gateway_usage_plan";
    static final String USAGE_PLAN_KEY = "aws_api_gateway_usage_plan_key";

    /** Every type that names its REST API in {@code rest_api_id}: a managed one makes its API's children listed. */
    static final List<String> API_CHILDREN = List.of(REST_API_POLICY, RESOURCE, METHOD, INTEGRATION, METHOD_RESPONSE,
            INTEGRATION_RESPONSE, DEPLOYMENT, STAGE, METHOD_SETTINGS, AUTHORIZER, MODEL, REQUEST_VALIDATOR,
            GATEWAY_RESPONSE);

    // API Gateway authorises reads by HTTP verb on the resource path: every call here is apigateway:GET.
    private static final String GET = "apigateway:GET";
    private static final String IN_ID = NotCompared.IDENTITY;

    private ApiGatewayCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(REST_API).actions(GET)
                        .compare("name", STRING).compare("description", STRING)
                        .compare("endpoint_configuration", SET).compare("policy", JSON_DOCUMENT)
                        .compare("api_key_source", STRING).compare("binary_media_types", SET)
                        .compare("minimum_compression_size", STRING).compare("disable_execute_api_endpoint", SCALAR)
                        .compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "fail_on_warnings", "put_rest_api_mode")
                        .notCompared("an OpenAPI import input: what it creates is compared as its own types",
                                "body", "parameters")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayCollectors::restApis),
                // The policy also shows on the API's policy (Terraform refreshes both): a policy on a managed API
                // that no aws_api_gateway_rest_api_policy declares is the API's, not an unmanaged policy.
                CollectorDefinition.regional(REST_API_POLICY).actions(GET)
                        .compare("policy", JSON_DOCUMENT).compare("rest_api_id", STRING)
                        .partOf(REST_API, "rest_api_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayCollectors::restApiPolicies),
                CollectorDefinition.regional(RESOURCE).actions(GET)
                        .compare("rest_api_id", STRING).compare("parent_id", STRING).compare("path_part", STRING)
                        .importId(ImportIds.computed("RESTAPIID/RESOURCEID", live -> ImportIdsOf.underApi(live, "rest_api_id"))).listedBy(ApiGatewayCollectors::resources),
                CollectorDefinition.regional(METHOD).actions(GET)
                        .compare("authorization", CASE_INSENSITIVE).compare("authorizer_id", STRING)
                        .compare("authorization_scopes", SET).compare("api_key_required", SCALAR)
                        .compare("request_validator_id", STRING).compare("request_parameters", MAP)
                        .compare("request_models", MAP).compare("operation_name", STRING)
                        .notCompared(IN_ID, "rest_api_id", "resource_id", "http_method")
                        .importId(ImportIds.computed("RESTAPIID/RESOURCEID/HTTPMETHOD", ImportIdsOf::dashedApiGateway)).listedBy(ctx -> methods(ctx, METHOD, "agm")),
                CollectorDefinition.regional(INTEGRATION).actions(GET)
                        .compare("type", STRING).compare("uri", STRING).compare("integration_http_method", STRING)
                        .compare("connection_type", STRING).compare("connection_id", STRING)
                        .compare("credentials", STRING).compare("passthrough_behavior", STRING)
                        .compare("request_parameters", MAP).compare("request_templates", MAP)
                        .compare("content_handling", STRING).compare("timeout_milliseconds", SCALAR)
                        .compare("cache_key_parameters", SET).compare("cache_namespace", STRING)
                        .compare("tls_config", SET)
                        .notCompared(IN_ID, "rest_api_id", "resource_id", "http_method")
                        .importId(ImportIds.computed("RESTAPIID/RESOURCEID/HTTPMETHOD", ImportIdsOf::dashedApiGateway)).listedBy(ctx -> methods(ctx, INTEGRATION, "agi")),
                CollectorDefinition.regional(METHOD_RESPONSE).actions(GET)
                        .compare("response_models", MAP).compare("response_parameters", MAP)
                        .notCompared(IN_ID, "rest_api_id", "resource_id", "http_method", "status_code")
                        .importId(ImportIds.computed("RESTAPIID/RESOURCEID/HTTPMETHOD/STATUSCODE", ImportIdsOf::dashedApiGateway)).listedBy(ctx -> methods(ctx, METHOD_RESPONSE, "agmr")),
                CollectorDefinition.regional(INTEGRATION_RESPONSE).actions(GET)
                        .compare("selection_pattern", STRING).compare("response_templates", MAP)
                        .compare("response_parameters", MAP).compare("content_handling", STRING)
                        .notCompared(IN_ID, "rest_api_id", "resource_id", "http_method", "status_code")
                        .importId(ImportIds.computed("RESTAPIID/RESOURCEID/HTTPMETHOD/STATUSCODE", ImportIdsOf::dashedApiGateway)).listedBy(ctx -> methods(ctx, INTEGRATION_RESPONSE, "agir")),
                CollectorDefinition.regional(DEPLOYMENT).actions(GET)
                        .compare("rest_api_id", STRING).compare("description", STRING)
                        .notCompared("an input to the stage the deployment creates: compared on aws_api_gateway_stage",
                                "stage_name", "stage_description", "variables", "canary_settings")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "triggers")
                        .importId(ImportIds.computed("RESTAPIID/DEPLOYMENTID", live -> ImportIdsOf.underApi(live, "rest_api_id"))).listedBy(ApiGatewayCollectors::deployments),
                CollectorDefinition.regional(STAGE).actions(GET)
                        .compare("deployment_id", STRING).compare("description", STRING)
                        .compare("variables", MAP).compare("cache_cluster_enabled", SCALAR)
                        .compare("cache_cluster_size", STRING).compare("client_certificate_id", STRING)
                        .compare("documentation_version", STRING).compare("xray_tracing_enabled", SCALAR)
                        .compare("access_log_settings", SET).compare("canary_settings", SET).compareTags()
                        .notCompared(IN_ID, "rest_api_id", "stage_name")
                        .importId(ImportIds.computed("RESTAPIID/STAGENAME", ImportIdsOf::dashedApiGateway)).listedBy(ApiGatewayCollectors::stages),
                CollectorDefinition.regional(METHOD_SETTINGS).actions(GET)
                        .compare("settings", SET)
                        .notCompared(IN_ID, "rest_api_id", "stage_name", "method_path")
                        .importId(ImportIds.computed("RESTAPIID/STAGENAME/METHODPATH", ImportIdsOf::methodSettings)).listedBy(ApiGatewayCollectors::methodSettings),
                CollectorDefinition.regional(AUTHORIZER).actions(GET)
                        .compare("rest_api_id", STRING).compare("name", STRING).compare("type", STRING)
                        .compare("authorizer_uri", STRING).compare("authorizer_credentials", STRING)
                        .compare("authorizer_result_ttl_in_seconds", SCALAR).compare("identity_source", STRING)
                        .compare("identity_validation_expression", STRING).compare("provider_arns", SET)
                        .importId(ImportIds.computed("RESTAPIID/AUTHORIZERID", live -> ImportIdsOf.underApi(live, "rest_api_id"))).listedBy(ApiGatewayCollectors::authorizers),
                CollectorDefinition.regional(MODEL).actions(GET)
                        .compare("rest_api_id", STRING).compare("name", STRING).compare("content_type", STRING)
                        .compare("description", STRING).compare("schema", JSON_DOCUMENT)
                        .importId(ImportIds.computed("RESTAPIID/NAME", ImportIdsOf::restApiModel)).listedBy(ApiGatewayCollectors::models),
                CollectorDefinition.regional(REQUEST_VALIDATOR).actions(GET)
                        .compare("rest_api_id", STRING).compare("name", STRING)
                        .compare("validate_request_body", SCALAR).compare("validate_request_parameters", SCALAR)
                        .importId(ImportIds.computed("RESTAPIID/REQUESTVALIDATORID", live -> ImportIdsOf.underApi(live, "rest_api_id"))).listedBy(ApiGatewayCollectors::requestValidators),
                CollectorDefinition.regional(GATEWAY_RESPONSE).actions(GET)
                        .compare("status_code", STRING).compare("response_templates", MAP)
                        .compare("response_parameters", MAP)
                        .notCompared(IN_ID, "rest_api_id", "response_type")
                        .importId(ImportIds.computed("RESTAPIID/RESPONSETYPE", ImportIdsOf::dashedApiGateway)).listedBy(ApiGatewayCollectors::gatewayResponses),
                CollectorDefinition.regional(API_KEY).actions(GET)
                        .compare("name", STRING).compare("description", STRING).compare("enabled", SCALAR)
                        .compare("customer_id", STRING).compareTags()
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "value")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayCollectors::apiKeys),
                CollectorDefinition.regional(USAGE_PLAN).actions(GET)
                        .compare("name", STRING).compare("description", STRING).compare("product_code", STRING)
                        .compare("api_stages", SET).compare("quota_settings", SET).compare("throttle_settings", SET)
                        .compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayCollectors::usagePlans),
                // Terraform's id is the key's id, which is not unique across plans: matched on plan and key.
                CollectorDefinition.regional(USAGE_PLAN_KEY).actions(GET).idFrom("usage_plan_id", "key_id")
                        .compare("key_type", STRING)
                        .notCompared(IN_ID, "usage_plan_id", "key_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayCollectors::usagePlanKeys));
    }

    private static LiveResource live(CollectorContext ctx, String type, String id, Supplier<Map<String, Object>> attributes) {
        return live(ctx, type, id, Map.of(), attributes);
    }

    /**
     * A child whose id does not name its API: unmanaged, it keeps the ids it was listed under, which its import id
     * names ({@code REST-API-ID/RESOURCE-ID}).
     */
    private static LiveResource live(CollectorContext ctx, String type, String id, Map<String, Object> parents,
                                     Supplier<Map<String, Object>> attributes) {
        return ctx.manages(type, id) ? ctx.resource(type, id, attributes.get()) : ctx.identityOnly(type, id, parents);
    }

    private static List<LiveResource> restApis(CollectorContext ctx) {
        return ApiGatewayListings.restApis(ctx).stream()
                .map(api -> live(ctx, REST_API, api.id(), () -> ApiGatewayShapes.restApi(api)))
                .toList();
    }

    /** From the API listing (no call of its own), for the APIs whose children are listed, as the other children. */
    private static List<LiveResource> restApiPolicies(CollectorContext ctx) {
        List<String> listed = apisWithChildren(ctx, API_CHILDREN);
        return ApiGatewayListings.restApis(ctx).stream()
                .filter(api -> listed.contains(api.id()) && api.policy() != null && !api.policy().isBlank())
                .map(api -> live(ctx, REST_API_POLICY, api.id(), () -> Attributes.of()
                        .put("rest_api_id", api.id())
                        .put("policy", ApiGatewayShapes.policy(api.policy()))
                        .build()))
                .toList();
    }

    private static List<LiveResource> resources(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            for (Resource resource : ApiGatewayListings.resources(ctx, api)) {
                if (resource.parentId() == null && !ctx.strict()) {
                    continue; // the API's root "/", created with it
                }
                live.add(live(ctx, RESOURCE, resource.id(), Map.of("rest_api_id", api), () -> Attributes.of()
                        .put("rest_api_id", api)
                        .put("parent_id", resource.parentId())
                        .put("path_part", resource.pathPart())
                        .build()));
            }
        }
        return live;
    }

    /**
     * Methods, integrations and both kinds of responses, all from the embedded methods of the API's resources:
     * {@code prefix-api-resource-METHOD}, and {@code -status} for responses.
     */
    private static List<LiveResource> methods(CollectorContext ctx, String type, String prefix) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            for (Resource resource : ApiGatewayListings.resources(ctx, api)) {
                resource.resourceMethods().forEach((verb, method) -> {
                    String id = prefix + "-" + api + "-" + resource.id() + "-" + verb;
                    switch (type) {
                        case METHOD -> live.add(live(ctx, type, id, () -> ApiGatewayShapes.method(method)));
                        case INTEGRATION -> {
                            if (method.methodIntegration() != null) {
                                live.add(live(ctx, type, id, () -> ApiGatewayShapes.integration(method.methodIntegration())));
                            }
                        }
                        case METHOD_RESPONSE -> method.methodResponses().forEach((status, response) ->
                                live.add(live(ctx, type, id + "-" + status, () -> ApiGatewayShapes.methodResponse(response))));
                        default -> integrationResponses(ctx, method, id, live);
                    }
                });
            }
        }
        return live;
    }

    private static void integrationResponses(CollectorContext ctx, Method method, String id, List<LiveResource> live) {
        if (method.methodIntegration() != null) {
            method.methodIntegration().integrationResponses().forEach((status, response) -> live.add(
                    live(ctx, INTEGRATION_RESPONSE, id + "-" + status, () -> ApiGatewayShapes.integrationResponse(response))));
        }
    }

    private static List<LiveResource> deployments(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            client(ctx).getDeploymentsPaginator(r -> r.restApiId(api).limit(PAGE)).items().forEach(deployment ->
                    live.add(live(ctx, DEPLOYMENT, deployment.id(), Map.of("rest_api_id", api), () -> Attributes.of()
                            .put("rest_api_id", api)
                            .put("description", deployment.description())
                            .build())));
        }
        return live;
    }

    private static List<LiveResource> stages(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            for (Stage stage : ApiGatewayListings.stages(ctx, api)) {
                live.add(live(ctx, STAGE, "ags-" + api + "-" + stage.stageName(), () -> ApiGatewayShapes.stage(stage)));
            }
        }
        return live;
    }

    /** Each stage's method settings, keyed as Terraform's method_path ({@code *}{@code /*}, {@code orders/GET}). */
    private static List<LiveResource> methodSettings(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            for (Stage stage : ApiGatewayListings.stages(ctx, api)) {
                stage.methodSettings().forEach((path, settings) -> live.add(live(ctx, METHOD_SETTINGS,
                        api + "-" + stage.stageName() + "-" + path,
                        Map.of("rest_api_id", api, "stage_name", stage.stageName(), "method_path", path), () -> Attributes.of().put("settings", List.of(ApiGatewayShapes.methodSetting(settings))).build())));
            }
        }
        return live;
    }

    private static List<LiveResource> authorizers(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            paged(position -> client(ctx).getAuthorizers(r -> r.restApiId(api).limit(PAGE).position(position)),
                    page -> page.items(), page -> page.position()).forEach(authorizer ->
                    live.add(live(ctx, AUTHORIZER, authorizer.id(), Map.of("rest_api_id", api), () -> ApiGatewayShapes.authorizer(api, authorizer))));
        }
        return live;
    }

    private static List<LiveResource> models(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            client(ctx).getModelsPaginator(r -> r.restApiId(api).limit(PAGE)).items().forEach(model ->
                    live.add(live(ctx, MODEL, model.id(), Map.of("rest_api_id", api, "name", model.name()), () -> ApiGatewayShapes.model("rest_api_id", api,
                            model.name(), model.contentType(), model.description(), model.schema()))));
        }
        return live;
    }

    private static List<LiveResource> requestValidators(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            paged(position -> client(ctx).getRequestValidators(r -> r.restApiId(api).limit(PAGE).position(position)),
                    page -> page.items(), page -> page.position()).forEach(validator ->
                    live.add(live(ctx, REQUEST_VALIDATOR, validator.id(), Map.of("rest_api_id", api), () -> Attributes.of()
                            .put("rest_api_id", api)
                            .put("name", validator.name())
                            .put("validate_request_body", Boolean.TRUE.equals(validator.validateRequestBody()))
                            .put("validate_request_parameters", Boolean.TRUE.equals(validator.validateRequestParameters()))
                            .build())));
        }
        return live;
    }

    /**
     * Every response type exists on every API; AWS's defaults are left out unless strict. A managed one always
     * is compared: deleting a customised response reverts it to AWS's default, which Terraform reads as a change.
     */
    private static List<LiveResource> gatewayResponses(CollectorContext ctx) {
        List<LiveResource> live = new ArrayList<>();
        for (String api : apisWithChildren(ctx, API_CHILDREN)) {
            paged(position -> client(ctx).getGatewayResponses(r -> r.restApiId(api).limit(PAGE).position(position)),
                    page -> page.items(), page -> page.position()).forEach(response -> {
                        String id = "aggr-" + api + "-" + response.responseTypeAsString();
                        if (ctx.manages(GATEWAY_RESPONSE, id) || ctx.strict()
                                || !Boolean.TRUE.equals(response.defaultResponse())) {
                            live.add(live(ctx, GATEWAY_RESPONSE, id, () -> Attributes.of()
                                    .put("status_code", response.statusCode())
                                    .put("response_templates", response.responseTemplates())
                                    .put("response_parameters", response.responseParameters())
                                    .build()));
                        }
                    });
        }
        return live;
    }

    /** Keys without their values: {@code includeValues} is never asked for, the value is a secret. */
    private static List<LiveResource> apiKeys(CollectorContext ctx) {
        return client(ctx).getApiKeysPaginator(r -> r.limit(PAGE)).items().stream()
                .map(key -> live(ctx, API_KEY, key.id(), () -> Attributes.of()
                        .put("name", key.name())
                        .put("description", key.description())
                        .put("enabled", Boolean.TRUE.equals(key.enabled()))
                        .put("customer_id", key.customerId())
                        .put("tags", ApiGatewayListings.orEmpty(key.tags()))
                        .build()))
                .toList();
    }

    private static List<LiveResource> usagePlans(CollectorContext ctx) {
        return ApiGatewayListings.usagePlans(ctx).stream()
                .map(plan -> live(ctx, USAGE_PLAN, plan.id(), () -> ApiGatewayShapes.usagePlan(plan)))
                .toList();
    }

    /** Keys of the plans a state manages or a managed key names; a plan nobody manages owns its keys. */
    private static List<LiveResource> usagePlanKeys(CollectorContext ctx) {
        Set<String> wanted = new java.util.HashSet<>(ctx.managed().ids(USAGE_PLAN));
        ctx.managed().resources(USAGE_PLAN_KEY).values().forEach(state -> wanted.add(String.valueOf(state.get("usage_plan_id"))));
        List<LiveResource> live = new ArrayList<>();
        for (UsagePlan plan : ApiGatewayListings.usagePlans(ctx)) {
            if (!wanted.contains(plan.id())) {
                continue;
            }
            client(ctx).getUsagePlanKeysPaginator(r -> r.usagePlanId(plan.id()).limit(PAGE)).items().forEach(key ->
                    live.add(live(ctx, USAGE_PLAN_KEY, plan.id() + "/" + key.id(), () -> Attributes.of()
                            .put("usage_plan_id", plan.id())
                            .put("key_id", key.id())
                            .put("key_type", key.type())
                            .build())));
        }
        return live;
    }
}
