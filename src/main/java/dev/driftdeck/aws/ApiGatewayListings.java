package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * The API Gateway (REST, v1) listings several types read, each made once per session and region: the REST APIs,
 * and per API its resources with their methods embedded (methods, integrations and both kinds of responses in one
 * paged GetResources) and its stages (stages and method settings); the usage plans (plans and their keys).
 *
 * <p>The API's shape is a tree: an API's children can only be listed per API. They are listed for the APIs a state
 * manages, or that a managed child names; an API nobody manages is one UNMANAGED REST API, its children its own
 * business (as an unmanaged user's access keys are the user's), which also keeps the cost at one listing per region.
 */
final class ApiGatewayListings {

    /** The largest page API Gateway serves (its {@code limit} is at most 500). */
    static final int PAGE = 500;

    private ApiGatewayListings() {
    }

    static ApiGatewayClient client(CollectorContext ctx) {
        return ctx.session().apiGateway(ctx.region());
    }

    static List<RestApi> restApis(CollectorContext ctx) {
        return ctx.session().shared("apigateway:restapis:" + ctx.region(), () ->
                client(ctx).getRestApisPaginator(r -> r.limit(PAGE)).items().stream().toList());
    }

    /**
     * The ids of the live APIs whose children are listed: those managed as {@code aws_api_gateway_rest_api}, and
     * those any managed resource of {@code childTypes} names in its {@code rest_api_id}.
     */
    static List<String> apisWithChildren(CollectorContext ctx, List<String> childTypes) {
        Set<String> wanted = new LinkedHashSet<>(ctx.managed().ids(ApiGatewayCollectors.REST_API));
        for (String type : childTypes) {
            ctx.managed().resources(type).values().forEach(state -> {
                Object api = state.get("rest_api_id");
                if (api != null) {
                    wanted.add(String.valueOf(api));
                }
            });
        }
        return restApis(ctx).stream().map(RestApi::id).filter(wanted::contains).toList();
    }

    /** The API's resources, each with its methods embedded ({@code embed=methods}: no call per method). */
    static List<Resource> resources(CollectorContext ctx, String apiId) {
        return ctx.session().shared("apigateway:resources:" + ctx.region() + ":" + apiId, () ->
                client(ctx).getResourcesPaginator(r -> r.restApiId(apiId).limit(PAGE).embed("methods"))
                        .items().stream().toList());
    }

    /** The API's stages, with their method settings (GetStages is not paged: it returns them all). */
    static List<Stage> stages(CollectorContext ctx, String apiId) {
        return ctx.session().shared("apigateway:stages:" + ctx.region() + ":" + apiId, () ->
                client(ctx).getStages(r -> r.restApiId(apiId)).item());
    }

    static List<UsagePlan> usagePlans(CollectorContext ctx) {
        return ctx.session().shared("apigateway:usageplans:" + ctx.region(), () ->
                client(ctx).getUsagePlansPaginator(r -> r.limit(PAGE)).items().stream().toList());
    }

    /**
     * Every item of a listing the SDK has no paginator for (authorizers, request validators, gateway responses):
     * pages followed by their {@code position}, at the largest page.
     */
    static <R, T> List<T> paged(Function<String, R> call, Function<R, List<T>> items, Function<R, String> next) {
        List<T> all = new ArrayList<>();
        String position = null;
        do {
            R page = call.apply(position);
            all.addAll(items.apply(page));
            position = next.apply(page);
        } while (position != null && !position.isEmpty());
        return all;
    }

    /** A map the SDK gives as an empty "absent" map, or null: the provider writes {} for both. */
    static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}
