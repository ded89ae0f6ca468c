package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.orEmpty;
import static dev.driftdeck.aws.ApiGatewayListings.paged;
import static dev.driftdeck.aws.ApiGatewayV2Listings.client;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.apigatewayv2.model.DomainName;
import dev.driftdeck.remediation.ImportIds;

/**
 * API Gateway v2 custom domain names, their API mappings and VPC links: the region's domain names and VPC links once
 * each (paged by NextToken), and a domain's API mappings per domain a state manages or a managed mapping names (a
 * domain nobody manages owns its mappings).
 */
final class ApiGatewayV2DomainCollectors {

    static final String DOMAIN_NAME = "aws_apigatewayv2_domain_name";
    static final String API_MAPPING = "aws_apigatewayv2_api_mapping";
    static final String VPC_LINK = "aws_apigatewayv2_vpc_link";
    private static final String GET = "apigateway:GET";

    private ApiGatewayV2DomainCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(DOMAIN_NAME).actions(GET)
                        .compare("domain_name_configuration", SET).compare("mutual_tls_authentication", SET)
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "domain_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayV2DomainCollectors::domainNames),
                CollectorDefinition.regional(API_MAPPING).actions(GET)
                        .compare("api_id", STRING).compare("stage", STRING).compare("api_mapping_key", STRING)
                        .compare("domain_name", STRING)
                        .importId(ImportIds.computed("APIMAPPINGID/DOMAINNAME", live -> ImportIdsOf.withSuffix(live, "domain_name"))).listedBy(ApiGatewayV2DomainCollectors::apiMappings),
                CollectorDefinition.regional(VPC_LINK).actions(GET)
                        .compare("name", STRING).compare("security_group_ids", SET).compare("subnet_ids", SET)
                        .compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> paged(token -> client(ctx).getVpcLinks(r -> r.nextToken(token)),
                                page -> page.items(), page -> page.nextToken()).stream()
                                .map(link -> ctx.manages(VPC_LINK, link.vpcLinkId())
                                        ? ctx.resource(VPC_LINK, link.vpcLinkId(), Attributes.of()
                                                .put("name", link.name())
                                                .put("security_group_ids", link.securityGroupIds())
                                                .put("subnet_ids", link.subnetIds())
                                                .put("tags", orEmpty(link.tags()))
                                                .build())
                                        : ctx.identityOnly(VPC_LINK, link.vpcLinkId()))
                                .toList()));
    }

    private static List<DomainName> listDomainNames(CollectorContext ctx) {
        return ctx.session().shared("apigatewayv2:domainnames:" + ctx.region(), () ->
                paged(token -> client(ctx).getDomainNames(r -> r.nextToken(token)), page -> page.items(),
                        page -> page.nextToken()));
    }

    private static List<LiveResource> domainNames(CollectorContext ctx) {
        return listDomainNames(ctx).stream()
                .map(domain -> ctx.manages(DOMAIN_NAME, domain.domainName())
                        ? ctx.resource(DOMAIN_NAME, domain.domainName(), attributes(domain))
                        : ctx.identityOnly(DOMAIN_NAME, domain.domainName()))
                .toList();
    }

    private static Map<String, Object> attributes(DomainName domain) {
        List<Object> configurations = new ArrayList<>();
        domain.domainNameConfigurations().forEach(configuration -> configurations.add(Attributes.of()
                .put("certificate_arn", configuration.certificateArn())
                .put("endpoint_type", configuration.endpointTypeAsString())
                .put("security_policy", configuration.securityPolicyAsString())
                .put("ownership_verification_certificate_arn", configuration.ownershipVerificationCertificateArn())
                .put("ip_address_type", configuration.ipAddressTypeAsString())
                .put("hosted_zone_id", configuration.hostedZoneId())
                .put("target_domain_name", configuration.apiGatewayDomainName())
                .build()));
        var mtls = domain.mutualTlsAuthentication();
        return Attributes.of()
                .put("domain_name_configuration", configurations)
                .put("mutual_tls_authentication", mtls == null ? List.of() : List.of(Attributes.of()
                        .put("truststore_uri", mtls.truststoreUri())
                        .put("truststore_version", mtls.truststoreVersion())
                        .build()))
                .put("tags", orEmpty(domain.tags()))
                .build();
    }

    private static List<LiveResource> apiMappings(CollectorContext ctx) {
        Set<String> wanted = new HashSet<>(ctx.managed().ids(DOMAIN_NAME));
        ctx.managed().resources(API_MAPPING).values().forEach(state -> wanted.add(String.valueOf(state.get("domain_name"))));
        List<LiveResource> live = new ArrayList<>();
        for (DomainName domain : listDomainNames(ctx)) {
            if (!wanted.contains(domain.domainName())) {
                continue;
            }
            paged(token -> client(ctx).getApiMappings(r -> r.domainName(domain.domainName()).nextToken(token)),
                    page -> page.items(), page -> page.nextToken()).forEach(mapping ->
                    live.add(ctx.manages(API_MAPPING, mapping.apiMappingId())
                            ? ctx.resource(API_MAPPING, mapping.apiMappingId(), Attributes.of()
                                    .put("api_id", mapping.apiId())
                                    .put("stage", mapping.stage())
                                    .put("api_mapping_key", mapping.apiMappingKey())
                                    .put("domain_name", domain.domainName())
                                    .build())
                            : ctx.identityOnly(API_MAPPING, mapping.apiMappingId())));
        }
        return live;
    }
}
