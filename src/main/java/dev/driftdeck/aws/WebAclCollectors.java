package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.driftdeck.remediation.ImportIds;

/**
 * WAFv2 web ACLs, per region, over JSON 1.1 ({@code AWSWAF_20190729}) through {@link SignedRequests} (the SDK's
 * wafv2 module is not available here). ListWebACLs pages 100 summaries per scope: REGIONAL in every region, and
 * CLOUDFRONT, which only the us-east-1 endpoint serves, when the scanned region is us-east-1. A managed ACL costs one
 * GetWebACL and one ListTagsForResource. The id is the ACL's UUID, as Terraform writes it.
 *
 * <p>The rules are not compared yet: the provider's {@code rule} blocks rename and reshape nearly every statement of
 * the API (singular names for lists, base64 search strings, empty blocks for flags), and a partial mapping would
 * report rules that did not change. The ACL's default action, visibility, custom responses and CAPTCHA/challenge
 * settings are compared.
 */
final class WebAclCollectors {

    static final String WEB_ACL = "aws_wafv2_web_acl";
    private static final int PAGE = 100;
    private static final Map<String, String> RENAMES = Map.of(
            "CloudWatchMetricsEnabled", "cloudwatch_metrics_enabled",
            "CustomResponseBodyKey", "custom_response_body_key",
            "ResponseHeaders", "response_header",
            "InsertHeaders", "insert_header",
            "ImmunityTimeProperty", "immunity_time_property");

    private WebAclCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(WEB_ACL)
                .actions("wafv2:ListWebACLs", "wafv2:GetWebACL", "wafv2:ListTagsForResource")
                .compare("description", STRING).compare("default_action", STRING).compare("visibility_config", SET)
                .compare("custom_response_body", SET).compare("captcha_config", SET).compare("challenge_config", SET)
                .compare("token_domains", SET).compare("association_config", SET).compareTags()
                .notCompared("the provider reshapes every rule statement; not mapped yet", "rule", "rule_json")
                .notCompared(NotCompared.IDENTITY, "name", "scope")
                .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                .notCompared("the data protection blocks are not mapped yet", "data_protection_config")
                .importId(ImportIds.computed("ID/NAME/SCOPE", ImportIdsOf::webAcl)).listedBy(WebAclCollectors::webAcls));
    }

    private static List<LiveResource> webAcls(CollectorContext ctx) {
        SignedRequests waf = ctx.session().signed(RawApi.WAFV2, ctx.region());
        List<String> scopes = "us-east-1".equals(ctx.region()) ? List.of("REGIONAL", "CLOUDFRONT") : List.of("REGIONAL");
        List<LiveResource> acls = new ArrayList<>();
        for (String scope : scopes) {
            List<JsonNode> summaries = SignedRequests.items(SignedRequests.pages(marker -> {
                ObjectNode body = SignedRequests.body().put("Scope", scope).put("Limit", PAGE);
                if (marker != null) {
                    body.put("NextMarker", marker);
                }
                return waf.json("ListWebACLs", body);
            }, "NextMarker"), "WebACLs");
            for (JsonNode summary : summaries) {
                String id = summary.path("Id").asText();
                if (!ctx.manages(WEB_ACL, id)) {
                    // name and scope: what Terraform's import id holds beside the id (ID/NAME/SCOPE)
                    acls.add(ctx.resource(WEB_ACL, id, Map.of("name", summary.path("Name").asText(), "scope", scope)));
                    continue;
                }
                JsonNode acl = waf.json("GetWebACL", SignedRequests.body().put("Scope", scope)
                        .put("Name", summary.path("Name").asText()).put("Id", id)).path("WebACL");
                acls.add(ctx.resource(WEB_ACL, id, attributes(acl, tags(waf, summary.path("ARN").asText()))));
            }
        }
        return acls;
    }

    private static Map<String, Object> attributes(JsonNode acl, Map<String, Object> tags) {
        List<Object> bodies = new ArrayList<>();
        acl.path("CustomResponseBodies").properties().forEach(body -> {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("key", body.getKey());
            block.put("content", RawShapes.text(body.getValue(), "Content"));
            block.put("content_type", RawShapes.text(body.getValue(), "ContentType"));
            bodies.add(block);
        });
        List<Object> domains = new ArrayList<>(RawShapes.texts(acl, "TokenDomains"));
        return Attributes.of()
                .put("description", RawShapes.text(acl, "Description"))
                .put("default_action", defaultAction(acl.path("DefaultAction")))
                .put("visibility_config", RawShapes.block(acl.path("VisibilityConfig"), RENAMES))
                .put("custom_response_body", bodies)
                .put("captcha_config", RawShapes.block(acl.path("CaptchaConfig"), RENAMES))
                .put("challenge_config", RawShapes.block(acl.path("ChallengeConfig"), RENAMES))
                .put("token_domains", domains)
                .put("association_config", RawShapes.block(acl.path("AssociationConfig"), RENAMES))
                .put("tags", tags)
                .build();
    }

    /**
     * {@code {"Allow": {}}} exactly as the provider writes it, {@code [{allow = [{custom_request_handling = []}],
     * block = []}]}, and compared as that text: as a set element the empty {@code allow} and {@code block} blocks
     * would both vanish, and a default action switched from Allow to Block would read unchanged.
     */
    private static List<Object> defaultAction(JsonNode action) {
        if (!action.isObject()) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        JsonNode allow = action.path("Allow");
        block.put("allow", !allow.isObject() ? List.of() : List.of(Map.of("custom_request_handling",
                RawShapes.block(allow.path("CustomRequestHandling"), RENAMES))));
        JsonNode deny = action.path("Block");
        block.put("block", !deny.isObject() ? List.of() : List.of(Map.of("custom_response",
                RawShapes.block(deny.path("CustomResponse"), RENAMES))));
        return List.of(block);
    }

    private static Map<String, Object> tags(SignedRequests waf, String arn) {
        JsonNode tagList = waf.json("ListTagsForResource", SignedRequests.body().put("ResourceARN", arn))
                .path("TagInfoForResource").path("TagList");
        return RawShapes.tags(tagList);
    }
}
