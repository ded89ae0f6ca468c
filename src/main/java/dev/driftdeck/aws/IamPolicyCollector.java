package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_policy}, id = policy ARN. Only customer-managed policies (Scope=Local), even when strict:
 * AWS-managed policies can never be a Terraform {@code aws_iam_policy}, and there are over a thousand of them.
 * Each policy costs GetPolicy (ListPolicies returns neither description nor tags) and GetPolicyVersion for the
 * default version's document.
 */
final class IamPolicyCollector implements Collector {

    static final String TYPE = "aws_iam_policy";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public TypeSpec spec() {
        return new TypeSpec(TYPE, List.of(), List.of(
                new AttributeRule("policy", JSON_DOCUMENT),
                new AttributeRule("path", STRING),
                new AttributeRule("description", STRING),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:ListPolicies", "iam:GetPolicy", "iam:GetPolicyVersion");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return ctx.iam().listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
                .map(listed -> ctx.resource(TYPE, listed.arn(), attributes(ctx, listed)))
                .toList();
    }

    private static java.util.Map<String, Object> attributes(CollectorContext ctx, Policy listed) {
        Policy policy = ctx.iam().getPolicy(r -> r.policyArn(listed.arn())).policy();
        String document = ctx.iam()
                .getPolicyVersion(r -> r.policyArn(listed.arn()).versionId(policy.defaultVersionId()))
                .policyVersion().document();
        return Attributes.of()
                .put("policy", PolicyDocuments.decode(document))
                .put("path", policy.path())
                .put("description", policy.description())
                .put("tags", Tags.toMap(policy.tags(), Tag::key, Tag::value))
                .build();
    }
}
