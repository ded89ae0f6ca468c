package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;
import dev.driftdeck.remediation.ImportIds;

/**
 * IAM, listed once per account from the shared GetAccountAuthorizationDetails listing; GetRole/GetPolicy only for
 * managed roles and policies (that listing lacks a role's description and a policy's tags).
 */
final class IamCollectors {

    static final String ROLE = "aws_iam_role";
    static final String ROLE_POLICY = "aws_iam_role_policy";
    static final String ROLE_ATTACHMENT = "aws_iam_role_policy_attachment";
    static final String USER = "aws_iam_user";
    static final String USER_POLICY = "aws_iam_user_policy";
    static final String USER_ATTACHMENT = "aws_iam_user_policy_attachment";
    static final String GROUP = "aws_iam_group";
    static final String GROUP_ATTACHMENT = "aws_iam_group_policy_attachment";
    static final String POLICY = "aws_iam_policy";
    static final String INSTANCE_PROFILE = "aws_iam_instance_profile";
    private static final String DETAILS = "iam:GetAccountAuthorizationDetails";
    private static final String DERIVED_INLINE = "the role's view of its inline policies: each is compared as "
            + "aws_iam_role_policy (UNMANAGED when written inline here)";
    private static final String DERIVED_ATTACHED = "the role's view of its attachments: each is compared as "
            + "aws_iam_role_policy_attachment (UNMANAGED when written here)";

    private IamCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.global(ROLE).actions(DETAILS, "iam:GetRole")
                        .compare("assume_role_policy", JSON_DOCUMENT).compare("path", STRING)
                        .compare("description", STRING).compare("max_session_duration", SCALAR).compareTags()
                        .compare("permissions_boundary", STRING)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_detach_policies")
                        .notCompared(DERIVED_INLINE, "inline_policy")
                        .notCompared(DERIVED_ATTACHED, "managed_policy_arns")
                        .importId(ImportIds.SAME_AS_ID).listedBy(IamCollectors::roles),
                // Terraform writes "role:policy" as the id of an inline role policy.
                CollectorDefinition.global(ROLE_POLICY).actions(DETAILS)
                        .compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "name", "role")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> inlinePolicies(ctx, ROLE_POLICY, "role")),
                // The state id is a generated unique name: match on role/policy_arn.
                CollectorDefinition.global(ROLE_ATTACHMENT).actions(DETAILS).idFrom("role", "policy_arn")
                        .notCompared(NotCompared.IDENTITY, "role", "policy_arn")
                        // a detached policy also leaves the role's managed_policy_arns, which refresh-only reports
                        .mirroredOn(ROLE, "role", "managed_policy_arns")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> attachments(ctx, ROLE_ATTACHMENT, "role")),
                CollectorDefinition.global(USER).actions(DETAILS)
                        .compare("path", STRING).compareTags().compare("permissions_boundary", STRING)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().iamAuthorization().users().stream()
                                .map(user -> ctx.resource(USER, user.userName(), user(user)))
                                .toList()),
                CollectorDefinition.global(USER_POLICY).actions(DETAILS)
                        .compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "name", "user")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> inlinePolicies(ctx, USER_POLICY, "user")),
                CollectorDefinition.global(USER_ATTACHMENT).actions(DETAILS).idFrom("user", "policy_arn")
                        .notCompared(NotCompared.IDENTITY, "user", "policy_arn")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> attachments(ctx, USER_ATTACHMENT, "user")),
                CollectorDefinition.global(GROUP).actions(DETAILS)
                        .compare("path", STRING).notCompared(NotCompared.IDENTITY, "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().iamAuthorization().groups().stream()
                                .map(group -> ctx.resource(GROUP, group.groupName(),
                                        Attributes.of().put("path", group.path()).build()))
                                .toList()),
                CollectorDefinition.global(GROUP_ATTACHMENT).actions(DETAILS).idFrom("group", "policy_arn")
                        .notCompared(NotCompared.IDENTITY, "group", "policy_arn")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> attachments(ctx, GROUP_ATTACHMENT, "group")),
                CollectorDefinition.global(POLICY).actions(DETAILS, "iam:GetPolicy")
                        .compare("policy", JSON_DOCUMENT).compare("path", STRING)
                        .compare("description", STRING).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(IamCollectors::policies),
                CollectorDefinition.global(INSTANCE_PROFILE).actions("iam:ListInstanceProfiles")
                        .compare("path", STRING).compare("role", STRING)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.costsACall("ListInstanceProfileTags"), "tags")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.iam().listInstanceProfilesPaginator().instanceProfiles().stream()
                                .map(profile -> ctx.resource(INSTANCE_PROFILE, profile.instanceProfileName(),
                                        Attributes.of()
                                                .put("path", profile.path())
                                                .put("role", profile.roles().isEmpty()
                                                        ? null : profile.roles().getFirst().roleName())
                                                .build()))
                                .toList()));
    }

    /** Roles, with GetRole (description, session duration, tags) only for the managed ones. */
    private static List<LiveResource> roles(CollectorContext ctx) {
        return ctx.session().iamAuthorization().roles(ctx.strict()).stream()
                .map(listed -> {
                    if (!ctx.manages(ROLE, listed.roleName())) {
                        return ctx.identityOnly(ROLE, listed.roleName());
                    }
                    Role role = ctx.iam().getRole(r -> r.roleName(listed.roleName())).role();
                    return ctx.resource(ROLE, role.roleName(), Attributes.of()
                            .put("assume_role_policy", PolicyDocuments.decode(role.assumeRolePolicyDocument()))
                            .put("path", role.path())
                            .put("description", role.description())
                            .put("max_session_duration", role.maxSessionDuration())
                            .put("permissions_boundary", role.permissionsBoundary() == null
                                    ? null : role.permissionsBoundary().permissionsBoundaryArn())
                            .put("tags", Tags.toMap(role.tags(), Tag::key, Tag::value))
                            .build());
                })
                .toList();
    }

    /** A user as the account listing has it; the boundary AWS omits is Terraform's "". */
    static Map<String, Object> user(UserDetail user) {
        return Attributes.of()
                .put("path", user.path())
                .put("tags", Tags.toMap(user.tags(), Tag::key, Tag::value))
                .put("permissions_boundary", user.permissionsBoundary() == null
                        ? null : user.permissionsBoundary().permissionsBoundaryArn())
                .build();
    }

    private static List<LiveResource> policies(CollectorContext ctx) {
        List<LiveResource> resources = new ArrayList<>();
        for (ManagedPolicyDetail policy : ctx.session().iamAuthorization().policies()) {
            String document = policy.policyVersionList().stream()
                    .filter(version -> Boolean.TRUE.equals(version.isDefaultVersion()))
                    .map(PolicyVersion::document).findFirst().orElse(null);
            Map<String, Object> tags = ctx.manages(POLICY, policy.arn())
                    ? Tags.toMap(ctx.iam().getPolicy(r -> r.policyArn(policy.arn())).policy().tags(), Tag::key, Tag::value)
                    : Map.of();
            resources.add(ctx.resource(POLICY, policy.arn(), Attributes.of()
                    .put("policy", PolicyDocuments.decode(document))
                    .put("path", policy.path())
                    .put("description", policy.description())
                    .put("tags", tags)
                    .build()));
        }
        return resources;
    }

    /** Inline policies of roles or users, id {@code owner:name} as Terraform writes it. */
    private static List<LiveResource> inlinePolicies(CollectorContext ctx, String type, String ownerKind) {
        IamAuthorization iam = ctx.session().iamAuthorization();
        List<LiveResource> resources = new ArrayList<>();
        if (ownerKind.equals("role")) {
            iam.roles(ctx.strict()).forEach(role -> role.rolePolicyList().forEach(policy ->
                    resources.add(inlinePolicy(ctx, type, role.roleName(), policy))));
        } else {
            iam.users().forEach(user -> user.userPolicyList().forEach(policy ->
                    resources.add(inlinePolicy(ctx, type, user.userName(), policy))));
        }
        return resources;
    }

    static LiveResource inlinePolicy(CollectorContext ctx, String type, String owner, PolicyDetail policy) {
        return ctx.resource(type, owner + ":" + policy.policyName(), Attributes.of()
                .put("name", policy.policyName())
                .put("policy", PolicyDocuments.decode(policy.policyDocument()))
                .build());
    }

    /** Managed-policy attachments of roles, users or groups, keyed {@code owner/policy_arn}. */
    private static List<LiveResource> attachments(CollectorContext ctx, String type, String ownerKind) {
        IamAuthorization iam = ctx.session().iamAuthorization();
        List<LiveResource> resources = new ArrayList<>();
        switch (ownerKind) {
            case "role" -> iam.roles(ctx.strict()).forEach(role ->
                    attach(ctx, type, ownerKind, role.roleName(), role.attachedManagedPolicies(), resources));
            case "user" -> iam.users().forEach(user ->
                    attach(ctx, type, ownerKind, user.userName(), user.attachedManagedPolicies(), resources));
            default -> iam.groups().forEach(group ->
                    attach(ctx, type, ownerKind, group.groupName(), group.attachedManagedPolicies(), resources));
        }
        return resources;
    }

    /** An attachment of a policy a state attaches exclusively is left to that aws_iam_policy_attachment. */
    private static void attach(CollectorContext ctx, String type, String ownerKind, String owner,
                               List<AttachedPolicy> policies, List<LiveResource> into) {
        for (AttachedPolicy policy : policies) {
            String id = owner + "/" + policy.policyArn();
            if (IamGroupCollectors.exclusivelyAttached(ctx, policy.policyArn()) && !ctx.manages(type, id)) {
                continue;
            }
            into.add(ctx.resource(type, id, Attributes.of()
                    .put(ownerKind, owner)
                    .put("policy_arn", policy.policyArn())
                    .build()));
        }
    }
}
