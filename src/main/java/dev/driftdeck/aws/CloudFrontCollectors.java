package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudFront distributions and origin access controls, global (listed once per account), 100 a page. A managed
 * distribution costs one GetDistributionConfig (the listing's summary lacks the root object, logging, and the
 * continuous deployment policy) and one ListTagsForResource. The configuration blocks are compared in the provider's
 * shapes ({@link CloudFrontShapes}); {@code ordered_cache_behavior} is compared as a set, so a reordering alone of
 * otherwise unchanged behaviors is not reported.
 */
final class CloudFrontCollectors {

    static final String DISTRIBUTION = "aws_cloudfront_distribution";
    static final String ORIGIN_ACCESS_CONTROL = "aws_cloudfront_origin_access_control";

    private static final String PAGE = "100";

    private CloudFrontCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.global(DISTRIBUTION).actions("cloudfront:ListDistributions",
                                "cloudfront:GetDistributionConfig", "cloudfront:ListTagsForResource")
                        .compare("enabled", SCALAR).compare("viewer_certificate", SET).compare("web_acl_id", STRING)
                        .compare("logging_config", SET).compare("restrictions", SET)
                        .compare("default_cache_behavior", SET).compare("ordered_cache_behavior", SET)
                        .compare("origin", SET).compare("origin_group", SET).compare("aliases", SET)
                        .compare("custom_error_response", SET).compare("default_root_object", STRING)
                        .compare("comment", STRING).compare("http_version", STRING)
                        .compare("is_ipv6_enabled", SCALAR).compare("price_class", STRING)
                        .compare("staging", SCALAR).compare("continuous_deployment_policy_id", STRING).compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "retain_on_delete", "wait_for_deployment")
                        .importId(ImportIds.SAME_AS_ID).listedBy(CloudFrontCollectors::distributions),
                CollectorDefinition.global(ORIGIN_ACCESS_CONTROL).actions("cloudfront:ListOriginAccessControls")
                        .compare("signing_behavior", STRING).compare("signing_protocol", STRING)
                        .compare("origin_access_control_origin_type", STRING).compare("name", STRING)
                        .compare("description", STRING)
                        .importId(ImportIds.SAME_AS_ID).listedBy(CloudFrontCollectors::originAccessControls));
    }

    private static List<LiveResource> distributions(CollectorContext ctx) {
        CloudFrontClient cloudFront = ctx.session().cloudFront();
        List<LiveResource> distributions = new ArrayList<>();
        for (DistributionSummary summary : cloudFront.listDistributionsPaginator(r -> r.maxItems(PAGE))
                .stream().flatMap(page -> page.distributionList().items().stream()).toList()) {
            String id = summary.id();
            if (!ctx.manages(DISTRIBUTION, id)) {
                distributions.add(ctx.identityOnly(DISTRIBUTION, id));
                continue;
            }
            DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(id)).distributionConfig();
            var tags = cloudFront.listTagsForResource(r -> r.resource(summary.arn())).tags().items();
            distributions.add(ctx.resource(DISTRIBUTION, id, CloudFrontShapes.distribution(config)
                    .put("tags", Tags.toMap(tags, Tag::key, Tag::value)).build()));
        }
        return distributions;
    }

    private static List<LiveResource> originAccessControls(CollectorContext ctx) {
        return ctx.session().cloudFront().listOriginAccessControlsPaginator(r -> r.maxItems(PAGE))
                .stream().flatMap(page -> page.originAccessControlList().items().stream())
                .map(CloudFrontCollectors::originAccessControl)
                .map(attributes -> ctx.resource(ORIGIN_ACCESS_CONTROL, (String) attributes.remove("id"), attributes))
                .toList();
    }

    private static java.util.Map<String, Object> originAccessControl(OriginAccessControlSummary oac) {
        return Attributes.of()
                .put("id", oac.id())
                .put("signing_behavior", oac.signingBehaviorAsString())
                .put("signing_protocol", oac.signingProtocolAsString())
                .put("origin_access_control_origin_type", oac.originAccessControlOriginTypeAsString())
                .put("name", oac.name())
                .put("description", oac.description())
                .build();
    }
}
