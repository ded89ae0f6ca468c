package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import dev.driftdeck.remediation.ImportIds;

/**
 * What invokes a Lambda function, per region: aliases, function URLs and event source mappings. Event source mappings
 * are listed account-wide (ListEventSourceMappings, 100 a page; tags with ListTags for managed ones). Aliases and URLs
 * have no account-wide listing: ListAliases and GetFunctionUrlConfig are spent on the functions a state manages (as
 * the function, or through an alias or URL); one added by hand to such a function is UNMANAGED, one of an unmanaged
 * function is that function's business. GetFunctionUrlConfig rather than ListFunctionUrlConfigs: the same one call per
 * function, and the call the provider reads with; a URL made by hand on an alias qualifier is not seen.
 */
final class LambdaTriggerCollectors {

    static final String ALIAS = "aws_lambda_alias";
    static final String URL = "aws_lambda_function_url";
    static final String MAPPING = "aws_lambda_event_source_mapping";

    private LambdaTriggerCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Terraform's id is the alias ARN.
                CollectorDefinition.regional(ALIAS).actions("lambda:ListAliases")
                        .compare("description", STRING).compare("function_version", STRING)
                        .compare("routing_config", SET)
                        .notCompared(NotCompared.IDENTITY, "name", "function_name")
                        .importId(ImportIds.computed("FUNCTIONNAME/ALIAS", ImportIdsOf::lambdaAlias)).listedBy(LambdaTriggerCollectors::aliases),
                // Terraform's id is function_name as the state spells it (name or ARN), /qualifier when it has one.
                CollectorDefinition.regional(URL).actions("lambda:GetFunctionUrlConfig")
                        .compare("authorization_type", STRING).compare("cors", SET).compare("invoke_mode", STRING)
                        .notCompared(NotCompared.IDENTITY, "function_name", "qualifier")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LambdaTriggerCollectors::urls),
                // Terraform's id is the mapping's UUID.
                CollectorDefinition.regional(MAPPING).actions("lambda:ListEventSourceMappings", "lambda:ListTags")
                        .compare("function_name", STRING).compare("event_source_arn", STRING)
                        .compare("enabled", SCALAR).compare("batch_size", SCALAR)
                        .compare("maximum_batching_window_in_seconds", SCALAR)
                        .compare("bisect_batch_on_function_error", SCALAR)
                        .compare("maximum_record_age_in_seconds", SCALAR).compare("maximum_retry_attempts", SCALAR)
                        .compare("parallelization_factor", SCALAR).compare("tumbling_window_in_seconds", SCALAR)
                        .compare("starting_position", CASE_INSENSITIVE).compare("starting_position_timestamp", STRING)
                        .compare("function_response_types", SET).compare("filter_criteria", SET)
                        .compare("destination_config", SET).compare("scaling_config", SET)
                        .compare("metrics_config", SET).compare("provisioned_poller_config", SET)
                        .compare("kms_key_arn", STRING).compare("queues", SET).compare("topics", SET)
                        .compare("source_access_configuration", SET).compare("self_managed_event_source", SET)
                        .compare("amazon_managed_kafka_event_source_config", SET)
                        .compare("self_managed_kafka_event_source_config", SET)
                        .compare("document_db_event_source_config", SET).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(LambdaTriggerCollectors::mappings));
    }

    /**
     * The functions a state manages, as function name to the spelling the state uses for it (a URL's id keeps the
     * spelling): managed functions, then the function_name of the given trigger type's managed resources.
     */
    private static Map<String, String> managedFunctions(CollectorContext ctx, String type) {
        Map<String, String> spellingByFunction = new LinkedHashMap<>();
        ctx.managed().ids(LambdaCollectors.FUNCTION).forEach(name -> spellingByFunction.put(name, name));
        ctx.managed().resources(type).values().forEach(state -> {
            String spelling = String.valueOf(state.get("function_name"));
            spellingByFunction.put(LambdaCollectors.functionName(spelling), spelling);
        });
        return spellingByFunction;
    }

    private static List<LiveResource> aliases(CollectorContext ctx) {
        LambdaClient lambda = ctx.session().lambda(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (String function : managedFunctions(ctx, ALIAS).keySet()) {
            List<AliasConfiguration> aliases;
            try {
                aliases = lambda.listAliasesPaginator(r -> r.functionName(function).maxItems(10_000)).aliases()
                        .stream().toList();
            } catch (ResourceNotFoundException functionGone) {
                continue;
            }
            for (AliasConfiguration alias : aliases) {
                resources.add(ctx.manages(ALIAS, alias.aliasArn())
                        ? ctx.resource(ALIAS, alias.aliasArn(), Attributes.of()
                                .put("description", alias.description())
                                .put("function_version", alias.functionVersion())
                                .put("routing_config", alias.routingConfig() == null
                                        || alias.routingConfig().additionalVersionWeights().isEmpty() ? List.of()
                                        : List.of(Map.of("additional_version_weights",
                                                alias.routingConfig().additionalVersionWeights())))
                                .build())
                        : ctx.identityOnly(ALIAS, alias.aliasArn()));
            }
        }
        return resources;
    }

    private static List<LiveResource> urls(CollectorContext ctx) {
        LambdaClient lambda = ctx.session().lambda(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        managedFunctions(ctx, URL).forEach((function, spelling) -> url(ctx, lambda, function, null)
                .ifPresent(url -> resources.add(urlResource(ctx, spelling, url))));
        // URLs on a qualifier are read where a state declares them.
        ctx.managed().resources(URL).forEach((id, state) -> {
            Object qualifier = state.get("qualifier");
            if (qualifier != null && !String.valueOf(qualifier).isEmpty()) {
                String spelling = String.valueOf(state.get("function_name"));
                url(ctx, lambda, LambdaCollectors.functionName(spelling), String.valueOf(qualifier))
                        .ifPresent(url -> resources.add(urlResource(ctx, spelling + "/" + qualifier, url)));
            }
        });
        return resources;
    }

    private static java.util.Optional<GetFunctionUrlConfigResponse> url(CollectorContext ctx, LambdaClient lambda,
                                                                       String function, String qualifier) {
        try {
            return java.util.Optional.of(lambda.getFunctionUrlConfig(r -> r.functionName(function).qualifier(qualifier)));
        } catch (ResourceNotFoundException noUrlOrNoFunction) {
            return java.util.Optional.empty();
        }
    }

    /** As the provider flattens it: CORS flags false and max_age 0 when AWS leaves them out. */
    private static LiveResource urlResource(CollectorContext ctx, String id, GetFunctionUrlConfigResponse url) {
        var cors = url.cors();
        return ctx.resource(URL, id, Attributes.of()
                .put("authorization_type", url.authTypeAsString())
                .put("invoke_mode", url.invokeModeAsString())
                .put("cors", cors == null ? List.of() : List.of(Attributes.of()
                        .put("allow_credentials", Boolean.TRUE.equals(cors.allowCredentials()))
                        .put("allow_headers", cors.allowHeaders())
                        .put("allow_methods", cors.allowMethods())
                        .put("allow_origins", cors.allowOrigins())
                        .put("expose_headers", cors.exposeHeaders())
                        .put("max_age", cors.maxAge() == null ? 0 : cors.maxAge())
                        .build()))
                .build());
    }

    private static List<LiveResource> mappings(CollectorContext ctx) {
        LambdaClient lambda = ctx.session().lambda(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (EventSourceMappingConfiguration mapping : lambda.listEventSourceMappingsPaginator(r -> r.maxItems(100))
                .eventSourceMappings()) {
            Map<String, Object> state = ctx.managed().resources(MAPPING).get(mapping.uuid());
            if (state == null) {
                resources.add(ctx.identityOnly(MAPPING, mapping.uuid()));
                continue;
            }
            String arn = mapping.eventSourceMappingArn();
            Map<String, String> tags = arn == null ? Map.of() : lambda.listTags(r -> r.resource(arn)).tags();
            resources.add(ctx.resource(MAPPING, mapping.uuid(),
                    EventSourceMappings.attributes(mapping, String.valueOf(state.get("function_name")), tags)));
        }
        return resources;
    }
}
