package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;

/**
 * {@code aws_iam_role_policy_attachment}. Terraform's state id is a generated unique name, so matching uses
 * {@code role/policy_arn} (see {@link TypeSpec#idFrom()}); nothing beyond that identity is compared.
 */
final class IamRolePolicyAttachmentCollector implements Collector {

    static final String TYPE = "aws_iam_role_policy_attachment";

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
        return new TypeSpec(TYPE, List.of("role", "policy_arn"), List.of());
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:ListRoles", "iam:ListAttachedRolePolicies");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return IamRoles.listed(ctx)
                .flatMap(role -> ctx.iam().listAttachedRolePoliciesPaginator(r -> r.roleName(role.roleName()))
                        .attachedPolicies().stream()
                        .map(policy -> ctx.resource(TYPE, role.roleName() + "/" + policy.policyArn(), Attributes.of()
                                .put("role", role.roleName())
                                .put("policy_arn", policy.policyArn())
                                .build())))
                .toList();
    }
}
