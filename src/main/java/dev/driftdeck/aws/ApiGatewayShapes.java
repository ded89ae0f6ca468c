package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.orEmpty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.IntegrationResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.MethodResponse;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * API Gateway (v1) objects in the shapes the provider writes to the state: blocks as one-element lists, absent
 * booleans false and absent numbers 0 where the provider reads Go zero values, maps as maps.
 */
final class ApiGatewayShapes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiGatewayShapes() {
    }

    static Map<String, Object> restApi(RestApi api) {
        var endpoint = api.endpointConfiguration();
        return Attributes.of()
                .put("name", api.name())
                .put("description", api.description())
                .put("endpoint_configuration", endpoint == null ? List.of() : List.of(Attributes.of()
                        .put("types", endpoint.typesAsStrings())
                        .put("vpc_endpoint_ids", endpoint.vpcEndpointIds())
                        .put("ip_address_type", endpoint.ipAddressTypeAsString())
                        .build()))
                .put("policy", policy(api.policy()))
                .put("api_key_source", api.apiKeySourceAsString())
                .put("binary_media_types", api.binaryMediaTypes())
                .put("minimum_compression_size", api.minimumCompressionSize())
                .put("disable_execute_api_endpoint", Boolean.TRUE.equals(api.disableExecuteApiEndpoint()))
                .put("tags", orEmpty(api.tags()))
                .build();
    }

    /**
     * AWS returns a REST API's policy as the text of a JSON string (quotes escaped, {@code {\"Version\"...}}); the
     * provider unquotes it. Text that is not such a string (an emulator's plain JSON) is taken as it is.
     */
    static String policy(String policy) {
        if (policy == null || policy.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue("\"" + policy + "\"", String.class);
        } catch (JsonProcessingException notEscaped) {
            return policy;
        }
    }

    static Map<String, Object> method(Method method) {
        return Attributes.of()
                .put("authorization", method.authorizationType())
                .put("authorizer_id", method.authorizerId())
                .put("authorization_scopes", method.authorizationScopes())
                .put("api_key_required", Boolean.TRUE.equals(method.apiKeyRequired()))
                .put("request_validator_id", method.requestValidatorId())
                .put("request_parameters", method.requestParameters())
                .put("request_models", method.requestModels())
                .put("operation_name", method.operationName())
                .build();
    }

    static Map<String, Object> integration(Integration integration) {
        var tls = integration.tlsConfig();
        return Attributes.of()
                .put("type", integration.typeAsString())
                .put("uri", integration.uri())
                .put("integration_http_method", integration.httpMethod())
                .put("connection_type", integration.connectionTypeAsString())
                .put("connection_id", integration.connectionId())
                .put("credentials", integration.credentials())
                .put("passthrough_behavior", integration.passthroughBehavior())
                .put("request_parameters", integration.requestParameters())
                .put("request_templates", integration.requestTemplates())
                .put("content_handling", integration.contentHandlingAsString())
                .put("timeout_milliseconds", integration.timeoutInMillis())
                .put("cache_key_parameters", integration.cacheKeyParameters())
                .put("cache_namespace", integration.cacheNamespace())
                .put("tls_config", tls == null ? List.of() : List.of(Attributes.of()
                        .put("insecure_skip_verification", Boolean.TRUE.equals(tls.insecureSkipVerification()))
                        .build()))
                .build();
    }

    static Map<String, Object> methodResponse(MethodResponse response) {
        return Attributes.of()
                .put("response_models", response.responseModels())
                .put("response_parameters", response.responseParameters())
                .build();
    }

    static Map<String, Object> integrationResponse(IntegrationResponse response) {
        return Attributes.of()
                .put("selection_pattern", response.selectionPattern())
                .put("response_templates", response.responseTemplates())
                .put("response_parameters", response.responseParameters())
                .put("content_handling", response.contentHandlingAsString())
                .build();
    }

    static Map<String, Object> stage(Stage stage) {
        var logs = stage.accessLogSettings();
        var canary = stage.canarySettings();
        return Attributes.of()
                .put("deployment_id", stage.deploymentId())
                .put("description", stage.description())
                .put("variables", stage.variables())
                .put("cache_cluster_enabled", Boolean.TRUE.equals(stage.cacheClusterEnabled()))
                .put("cache_cluster_size", Boolean.TRUE.equals(stage.cacheClusterEnabled()) ? stage.cacheClusterSize() : null)
                .put("client_certificate_id", stage.clientCertificateId())
                .put("documentation_version", stage.documentationVersion())
                .put("xray_tracing_enabled", Boolean.TRUE.equals(stage.tracingEnabled()))
                .put("access_log_settings", logs == null ? List.of() : List.of(Attributes.of()
                        .put("destination_arn", logs.destinationArn())
                        .put("format", logs.format())
                        .build()))
                .put("canary_settings", canary == null ? List.of() : List.of(Attributes.of()
                        .put("deployment_id", canary.deploymentId())
                        .put("percent_traffic", canary.percentTraffic() == null ? 0 : canary.percentTraffic())
                        .put("stage_variable_overrides", canary.stageVariableOverrides())
                        .put("use_stage_cache", Boolean.TRUE.equals(canary.useStageCache()))
                        .build()))
                .put("tags", orEmpty(stage.tags()))
                .build();
    }

    static Map<String, Object> methodSetting(MethodSetting settings) {
        return Attributes.of()
                .put("metrics_enabled", Boolean.TRUE.equals(settings.metricsEnabled()))
                .put("logging_level", settings.loggingLevel())
                .put("data_trace_enabled", Boolean.TRUE.equals(settings.dataTraceEnabled()))
                .put("throttling_burst_limit", settings.throttlingBurstLimit() == null ? 0 : settings.throttlingBurstLimit())
                .put("throttling_rate_limit", settings.throttlingRateLimit() == null ? 0 : settings.throttlingRateLimit())
                .put("caching_enabled", Boolean.TRUE.equals(settings.cachingEnabled()))
                .put("cache_ttl_in_seconds", settings.cacheTtlInSeconds() == null ? 0 : settings.cacheTtlInSeconds())
                .put("cache_data_encrypted", Boolean.TRUE.equals(settings.cacheDataEncrypted()))
                .put("require_authorization_for_cache_control",
                        Boolean.TRUE.equals(settings.requireAuthorizationForCacheControl()))
                .put("unauthorized_cache_control_header_strategy",
                        settings.unauthorizedCacheControlHeaderStrategyAsString())
                .build();
    }

    static Map<String, Object> authorizer(String api, Authorizer authorizer) {
        return Attributes.of()
                .put("rest_api_id", api)
                .put("name", authorizer.name())
                .put("type", authorizer.typeAsString())
                .put("authorizer_uri", authorizer.authorizerUri())
                .put("authorizer_credentials", authorizer.authorizerCredentials())
                // AWS's default TTL when none was set, as the provider writes it.
                .put("authorizer_result_ttl_in_seconds",
                        authorizer.authorizerResultTtlInSeconds() == null ? 300 : authorizer.authorizerResultTtlInSeconds())
                .put("identity_source", authorizer.identitySource())
                .put("identity_validation_expression", authorizer.identityValidationExpression())
                .put("provider_arns", authorizer.providerARNs())
                .build();
    }

    static Map<String, Object> usagePlan(UsagePlan plan) {
        List<Object> stages = new ArrayList<>();
        plan.apiStages().forEach(stage -> {
            List<Object> throttle = new ArrayList<>();
            stage.throttle().forEach((path, settings) -> throttle.add(Attributes.of()
                    .put("path", path)
                    .put("burst_limit", burst(settings))
                    .put("rate_limit", rate(settings))
                    .build()));
            stages.add(Attributes.of().put("api_id", stage.apiId()).put("stage", stage.stage()).put("throttle", throttle)
                    .build());
        });
        var quota = plan.quota();
        var throttle = plan.throttle();
        return Attributes.of()
                .put("name", plan.name())
                .put("description", plan.description())
                .put("product_code", plan.productCode())
                .put("api_stages", stages)
                .put("quota_settings", quota == null ? List.of() : List.of(Attributes.of()
                        .put("limit", quota.limit() == null ? 0 : quota.limit())
                        .put("offset", quota.offset() == null ? 0 : quota.offset())
                        .put("period", quota.periodAsString())
                        .build()))
                .put("throttle_settings", throttle == null ? List.of() : List.of(Attributes.of()
                        .put("burst_limit", burst(throttle))
                        .put("rate_limit", rate(throttle))
                        .build()))
                .put("tags", orEmpty(plan.tags()))
                .build();
    }

    private static Object burst(ThrottleSettings settings) {
        return settings.burstLimit() == null ? 0 : settings.burstLimit();
    }

    private static Object rate(ThrottleSettings settings) {
        return settings.rateLimit() == null ? 0 : settings.rateLimit();
    }

    /**
     * A model as both API Gateway generations' Terraform types write it ({@code aws_api_gateway_model} and
     * {@code aws_apigatewayv2_model}); only the parent's attribute name differs ({@code rest_api_id}, {@code api_id}).
     */
    static Map<String, Object> model(String parentAttribute, String api, String name, String contentType,
                                     String description, String schema) {
        return Attributes.of()
                .put(parentAttribute, api)
                .put("name", name)
                .put("content_type", contentType)
                .put("description", description)
                .put("schema", schema)
                .build();
    }
}
