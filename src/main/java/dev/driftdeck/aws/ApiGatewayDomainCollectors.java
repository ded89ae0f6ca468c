package dev.driftdeck.aws;

import static dev.driftdeck.aws.ApiGatewayListings.PAGE;
import static dev.driftdeck.aws.ApiGatewayListings.client;
import static dev.driftdeck.aws.ApiGatewayListings.orEmpty;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.apigateway.model.DomainName;
import dev.driftdeck.remediation.ImportIds;

/**
 * API Gateway (REST) custom domain names, their base path mappings and VPC links: the region's domain names and VPC
 * links once each (paged at 500), and a domain's mappings per domain a state manages or a managed mapping names (a
 * domain nobody manages owns its mappings, as an API owns its resources). Private domain names (those with a
 * {@code domain_name_id}) are not matched: Terraform's id for them adds that id, which is left for later.
 */
final class ApiGatewayDomainCollectors {

    static final String DOMAIN_NAME = "aws_api_gateway_domain_name";
    static final String BASE_PATH_MAPPING = "aws_api_gateway_base_path_mapping";
    static final String VPC_LINK = "aws_api_gateway_vpc_link";
    private static final String GET = "apigateway:GET";
    // What GetBasePathMappings calls the empty base path; Terraform writes "".
    private static final String NO_BASE_PATH = "(none)";

    private ApiGatewayDomainCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(DOMAIN_NAME).actions(GET)
                        .compare("certificate_arn", STRING).compare("certificate_name", STRING)
                        .compare("regional_certificate_arn", STRING).compare("regional_certificate_name", STRING)
                        .compare("security_policy", STRING).compare("endpoint_configuration", SET)
                        .compare("mutual_tls_authentication", SET)
                        .compare("ownership_verification_certificate_arn", STRING).compare("policy", JSON_DOCUMENT)
                        .compareTags()
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "certificate_private_key")
                        .notCompared(NotCompared.NOT_RETURNED, "certificate_body", "certificate_chain")
                        .notCompared(NotCompared.IDENTITY, "domain_name", "domain_name_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayDomainCollectors::domainNames),
                CollectorDefinition.regional(BASE_PATH_MAPPING).actions(GET)
                        .compare("api_id", STRING).compare("stage_name", STRING)
                        .notCompared(NotCompared.IDENTITY, "domain_name", "base_path", "domain_name_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ApiGatewayDomainCollectors::basePathMappings),
                CollectorDefinition.regional(VPC_LINK).actions(GET)
                        .compare("name", STRING).compare("description", STRING).compare("target_arns", SET)
                        .compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> client(ctx).getVpcLinksPaginator(r -> r.limit(PAGE)).items().stream()
                                .map(link -> ctx.manages(VPC_LINK, link.id())
                                        ? ctx.resource(VPC_LINK, link.id(), Attributes.of()
                                                .put("name", link.name())
                                                .put("description", link.description())
                                                .put("target_arns", link.targetArns())
                                                .put("tags", orEmpty(link.tags()))
                                                .build())
                                        : ctx.identityOnly(VPC_LINK, link.id()))
                                .toList()));
    }

    private static List<DomainName> listDomainNames(CollectorContext ctx) {
        return ctx.session().shared("apigateway:domainnames:" + ctx.region(), () ->
                client(ctx).getDomainNamesPaginator(r -> r.limit(PAGE)).items().stream().toList());
    }

    private static List<LiveResource> domainNames(CollectorContext ctx) {
        return listDomainNames(ctx).stream()
                .map(domain -> ctx.manages(DOMAIN_NAME, domain.domainName())
                        ? ctx.resource(DOMAIN_NAME, domain.domainName(), attributes(domain))
                        : ctx.identityOnly(DOMAIN_NAME, domain.domainName()))
                .toList();
    }

    private static java.util.Map<String, Object> attributes(DomainName domain) {
        var endpoint = domain.endpointConfiguration();
        var mtls = domain.mutualTlsAuthentication();
        return Attributes.of()
                .put("certificate_arn", domain.certificateArn())
                .put("certificate_name", domain.certificateName())
                .put("regional_certificate_arn", domain.regionalCertificateArn())
                .put("regional_certificate_name", domain.regionalCertificateName())
                .put("security_policy", domain.securityPolicyAsString())
                .put("endpoint_configuration", endpoint == null ? List.of() : List.of(Attributes.of()
                        .put("types", endpoint.typesAsStrings())
                        .put("ip_address_type", endpoint.ipAddressTypeAsString())
                        .build()))
                .put("mutual_tls_authentication", mtls == null ? List.of() : List.of(Attributes.of()
                        .put("truststore_uri", mtls.truststoreUri())
                        .put("truststore_version", mtls.truststoreVersion())
                        .build()))
                .put("ownership_verification_certificate_arn", domain.ownershipVerificationCertificateArn())
                .put("policy", ApiGatewayShapes.policy(domain.policy()))
                .put("tags", orEmpty(domain.tags()))
                .build();
    }

    /** Terraform's id {@code domain/base_path}, with "" for the empty base path. */
    private static List<LiveResource> basePathMappings(CollectorContext ctx) {
        Set<String> wanted = new HashSet<>(ctx.managed().ids(DOMAIN_NAME));
        ctx.managed().resources(BASE_PATH_MAPPING).values().forEach(state -> wanted.add(String.valueOf(state.get("domain_name"))));
        List<LiveResource> live = new ArrayList<>();
        for (DomainName domain : listDomainNames(ctx)) {
            if (!wanted.contains(domain.domainName())) {
                continue;
            }
            client(ctx).getBasePathMappingsPaginator(r -> r.domainName(domain.domainName()).limit(PAGE)).items()
                    .forEach(mapping -> {
                        String basePath = NO_BASE_PATH.equals(mapping.basePath()) || mapping.basePath() == null
                                ? "" : mapping.basePath();
                        String id = domain.domainName() + "/" + basePath;
                        live.add(ctx.manages(BASE_PATH_MAPPING, id)
                                ? ctx.resource(BASE_PATH_MAPPING, id, Attributes.of()
                                        .put("api_id", mapping.restApiId())
                                        .put("stage_name", mapping.stage())
                                        .build())
                                : ctx.identityOnly(BASE_PATH_MAPPING, id));
                    });
        }
        return live;
    }
}
