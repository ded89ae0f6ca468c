package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.paged;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/**
 * The API Gateway v2 listings several types read, each made once per session and region: the HTTP and WebSocket
 * APIs, and per API its routes and integrations (route and integration responses hang off them). As for REST APIs
 * (see {@link ApiGatewayListings}), an API's children are listed only for the APIs a state manages or a managed child
 * names. Pages follow {@code nextToken}, without {@code MaxResults} (AWS documents no maximum).
 */
final class ApiGatewayV2Listings {

    private ApiGatewayV2Listings() {
    }

    static ApiGatewayV2Client client(CollectorContext ctx) {
        return ctx.session().apiGatewayV2(ctx.region());
    }

    static List<Api> apis(CollectorContext ctx) {
        return ctx.session().shared("apigatewayv2:apis:" + ctx.region(), () ->
                paged(token -> client(ctx).getApis(r -> r.nextToken(token)), page -> page.items(), page -> page.nextToken()));
    }

    /** The live APIs managed as {@code aws_apigatewayv2_api} or named by a managed resource of {@code childTypes}. */
    static List<Api> apisWithChildren(CollectorContext ctx, Collection<String> childTypes) {
        Set<String> wanted = new LinkedHashSet<>(ctx.managed().ids(ApiGatewayV2Collectors.API));
        childTypes.forEach(type -> ctx.managed().resources(type).values().forEach(state -> {
            Object api = state.get("api_id");
            if (api != null) {
                wanted.add(String.valueOf(api));
            }
        }));
        return apis(ctx).stream().filter(api -> wanted.contains(api.apiId())).toList();
    }

    /** Route and integration responses exist on WebSocket APIs only: an HTTP API costs no call for them. */
    static boolean webSocket(Api api) {
        return api.protocolType() == ProtocolType.WEBSOCKET;
    }

    static List<Route> routes(CollectorContext ctx, String api) {
        return ctx.session().shared("apigatewayv2:routes:" + ctx.region() + ":" + api, () ->
                paged(token -> client(ctx).getRoutes(r -> r.apiId(api).nextToken(token)),
                        page -> page.items(), page -> page.nextToken()));
    }

    static List<Integration> integrations(CollectorContext ctx, String api) {
        return ctx.session().shared("apigatewayv2:integrations:" + ctx.region() + ":" + api, () ->
                paged(token -> client(ctx).getIntegrations(r -> r.apiId(api).nextToken(token)),
                        page -> page.items(), page -> page.nextToken()));
    }
}
