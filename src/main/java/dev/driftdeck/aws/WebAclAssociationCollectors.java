package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.driftdeck.remediation.ImportIds;

/**
 * Which load balancers, API stages and other regional resources a WAFv2 web ACL protects
 * ({@code aws_wafv2_web_acl_association}, id {@code "<web acl arn>,<resource arn>"}), over JSON 1.1 through
 * {@link SignedRequests} as {@link WebAclCollectors} reads the ACLs. There is no account-wide listing:
 * ListResourcesForWebACL answers one ACL and one resource type per call, so it is called only for the REGIONAL
 * ACLs a state manages or a managed association names, once per resource type WAF can protect. CloudFront
 * distributions name their ACL themselves ({@code web_acl_id}), compared on {@code aws_cloudfront_distribution}.
 */
final class WebAclAssociationCollectors {

    static final String ASSOCIATION = "aws_wafv2_web_acl_association";
    private static final int PAGE = 100;
    /** ListResourcesForWebACL's ResourceType values for REGIONAL ACLs. */
    private static final List<String> RESOURCE_TYPES = List.of("APPLICATION_LOAD_BALANCER", "API_GATEWAY", "APPSYNC",
            "COGNITO_USER_POOL", "APP_RUNNER_SERVICE", "VERIFIED_ACCESS_INSTANCE");

    private WebAclAssociationCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(ASSOCIATION)
                .actions("wafv2:ListResourcesForWebACL", "wafv2:ListWebACLs")
                .notCompared(NotCompared.IDENTITY, "web_acl_arn", "resource_arn")
                .importId(ImportIds.SAME_AS_ID).listedBy(WebAclAssociationCollectors::associations));
    }

    private static List<LiveResource> associations(CollectorContext ctx) {
        Set<String> managedAclIds = ctx.managed().ids(WebAclCollectors.WEB_ACL);
        Set<String> namedAcls = new LinkedHashSet<>();
        ctx.managed().resources(ASSOCIATION).values().forEach(association -> {
            if (association.get("web_acl_arn") instanceof String arn) {
                namedAcls.add(arn);
            }
        });
        if (managedAclIds.isEmpty() && namedAcls.isEmpty()) {
            return List.of();
        }
        SignedRequests waf = ctx.session().signed(RawApi.WAFV2, ctx.region());
        List<LiveResource> associations = new ArrayList<>();
        // Only ACLs that exist: asking about a deleted one would fail the whole listing.
        for (JsonNode acl : regionalAcls(waf)) {
            String arn = acl.path("ARN").asText();
            if (!managedAclIds.contains(acl.path("Id").asText()) && !namedAcls.contains(arn)) {
                continue;
            }
            for (String resourceType : RESOURCE_TYPES) {
                waf.json("ListResourcesForWebACL", SignedRequests.body().put("WebACLArn", arn)
                        .put("ResourceType", resourceType)).path("ResourceArns").forEach(resource ->
                        associations.add(ctx.resource(ASSOCIATION, arn + "," + resource.asText(), Attributes.of()
                                .put("web_acl_arn", arn)
                                .put("resource_arn", resource.asText())
                                .build())));
            }
        }
        return associations;
    }

    private static List<JsonNode> regionalAcls(SignedRequests waf) {
        return SignedRequests.items(SignedRequests.pages(marker -> {
            ObjectNode body = SignedRequests.body().put("Scope", "REGIONAL").put("Limit", PAGE);
            if (marker != null) {
                body.put("NextMarker", marker);
            }
            return waf.json("ListWebACLs", body);
        }, "NextMarker"), "WebACLs");
    }
}
