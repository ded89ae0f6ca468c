package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * {@code aws_iam_role}, id = role name. ListRoles does not return tags, so each role costs one GetRole call,
 * which also brings the description and session duration in one go.
 */
final class IamRoleCollector implements Collector {

    static final String TYPE = "aws_iam_role";

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
                new AttributeRule("assume_role_policy", JSON_DOCUMENT),
                new AttributeRule("path", STRING),
                new AttributeRule("description", STRING),
                new AttributeRule("max_session_duration", SCALAR),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("iam:ListRoles", "iam:GetRole");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return IamRoles.listed(ctx)
                .map(listed -> ctx.iam().getRole(r -> r.roleName(listed.roleName())).role())
                .map(role -> ctx.resource(TYPE, role.roleName(), attributes(role)))
                .toList();
    }

    private static java.util.Map<String, Object> attributes(Role role) {
        return Attributes.of()
                .put("assume_role_policy", PolicyDocuments.decode(role.assumeRolePolicyDocument()))
                .put("path", role.path())
                .put("description", role.description())
                .put("max_session_duration", role.maxSessionDuration())
                .put("tags", Tags.toMap(role.tags(), Tag::key, Tag::value))
                .build();
    }
}
