package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SET;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;
import dev.driftdeck.remediation.ImportIds;

/**
 * IAM group inline policies, group memberships in both of Terraform's styles, and the exclusive
 * {@code aws_iam_policy_attachment}, all from the account's one GetAccountAuthorizationDetails listing (no extra
 * call). The unit of an unmanaged membership is the user: {@code aws_iam_user_group_membership} {@code user/g1/g2},
 * which is also what {@code terraform import} takes.
 */
final class IamGroupCollectors {

    static final String GROUP_POLICY = "aws_iam_group_policy";
    static final String GROUP_MEMBERSHIP = "aws_iam_group_membership";
    static final String USER_GROUP_MEMBERSHIP = "aws_iam_user_group_membership";
    static final String POLICY_ATTACHMENT = "aws_iam_policy_attachment";
    private static final String DETAILS = "iam:GetAccountAuthorizationDetails";

    private IamGroupCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Terraform writes "group:policy" as the id of an inline group policy.
                CollectorDefinition.global(GROUP_POLICY).actions(DETAILS)
                        .compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "name", "group")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().iamAuthorization().groups().stream()
                                .flatMap(group -> group.groupPolicyList().stream()
                                        .map(policy -> IamCollectors.inlinePolicy(ctx, GROUP_POLICY, group.groupName(), policy)))
                                .toList()),
                // The state id is a name of the author's choosing: matched on the group. Exclusive: the provider
                // reads every member of the group, so a user added by hand shows in users.
                CollectorDefinition.global(GROUP_MEMBERSHIP).actions(DETAILS).idFrom("group")
                        .compare("users", SET)
                        .notCompared(NotCompared.IDENTITY, "group")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "name")
                        .importId(ImportIds.notImportable("the provider cannot import it (it owns the whole membership of a group): use aws_iam_user_group_membership, which can")).listedBy(IamGroupCollectors::groupMemberships),
                CollectorDefinition.global(USER_GROUP_MEMBERSHIP).actions(DETAILS)
                        .compare("groups", SET)
                        .notCompared(NotCompared.IDENTITY, "user")
                        .importId(ImportIds.SAME_AS_ID).listedBy(IamGroupCollectors::userGroupMemberships),
                // The state id is a name of the author's choosing: matched on the policy (one exclusive attachment
                // per policy; two would fight each other).
                CollectorDefinition.global(POLICY_ATTACHMENT).actions(DETAILS).idFrom("policy_arn")
                        .compare("users", SET).compare("roles", SET).compare("groups", SET)
                        .notCompared(NotCompared.IDENTITY, "policy_arn")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "name")
                        .importId(ImportIds.notImportable("the provider cannot import it (an exclusive attachment of the policy to every user, role and group): import aws_iam_role_policy_attachment and its siblings instead")).listedBy(IamGroupCollectors::exclusiveAttachments));
    }

    /** Each group a state manages as aws_iam_group_membership, with all its members; a deleted group is MISSING. */
    private static List<LiveResource> groupMemberships(CollectorContext ctx) {
        Set<String> managed = ctx.managed().ids(GROUP_MEMBERSHIP);
        if (managed.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> members = membersByGroup(ctx.session().iamAuthorization());
        return ctx.session().iamAuthorization().groups().stream()
                .filter(group -> managed.contains(group.groupName()))
                .map(group -> ctx.resource(GROUP_MEMBERSHIP, group.groupName(), Attributes.of()
                        .put("group", group.groupName())
                        .put("users", members.getOrDefault(group.groupName(), List.of()))
                        .build()))
                .toList();
    }

    /**
     * Managed: the provider reads only the groups the resource declares (it is not exclusive), so a group removed
     * from the user shows in {@code groups}, one added is not this resource's. Unmanaged: per user a state manages,
     * the groups no membership resource declares, as one resource {@code user/g1/g2}; memberships of an exclusive
     * aws_iam_group_membership's group are that resource's, and those of an unmanaged user are the user's.
     */
    private static List<LiveResource> userGroupMemberships(CollectorContext ctx) {
        IamAuthorization iam = ctx.session().iamAuthorization();
        Map<String, List<String>> groupsByUser = new LinkedHashMap<>();
        iam.users().forEach(user -> groupsByUser.put(user.userName(), user.groupList()));
        List<LiveResource> resources = new ArrayList<>();
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        ctx.managed().resources(USER_GROUP_MEMBERSHIP).forEach((id, state) -> {
            String user = String.valueOf(state.get("user"));
            Set<String> groups = strings(state.get("groups"));
            declared.computeIfAbsent(user, u -> new HashSet<>()).addAll(groups);
            List<String> live = groupsByUser.get(user);
            if (live != null) {
                resources.add(ctx.resource(USER_GROUP_MEMBERSHIP, id, Attributes.of()
                        .put("user", user)
                        .put("groups", live.stream().filter(groups::contains).toList())
                        .build()));
            }
        });
        Set<String> exclusiveGroups = ctx.managed().ids(GROUP_MEMBERSHIP);
        groupsByUser.forEach((user, groups) -> {
            if (!ctx.manages(IamCollectors.USER, user)) {
                return;
            }
            TreeSet<String> undeclared = new TreeSet<>(groups);
            undeclared.removeAll(exclusiveGroups);
            undeclared.removeAll(declared.getOrDefault(user, Set.of()));
            if (!undeclared.isEmpty()) {
                resources.add(ctx.resource(USER_GROUP_MEMBERSHIP, user + "/" + String.join("/", undeclared),
                        Attributes.of().put("user", user).put("groups", List.copyOf(undeclared)).build()));
            }
        });
        return resources;
    }

    /**
     * Each policy a state attaches exclusively, with every user, role and group it is attached to (service-linked
     * roles too: the provider lists them). A policy attached to nothing any more is MISSING, as the provider drops
     * it from state. Unmanaged attachments are the per-entity types'.
     */
    private static List<LiveResource> exclusiveAttachments(CollectorContext ctx) {
        Set<String> managed = ctx.managed().ids(POLICY_ATTACHMENT);
        if (managed.isEmpty()) {
            return List.of();
        }
        IamAuthorization iam = ctx.session().iamAuthorization();
        List<LiveResource> resources = new ArrayList<>();
        for (String policyArn : managed) {
            List<String> users = iam.users().stream()
                    .filter(user -> attaches(user.attachedManagedPolicies(), policyArn)).map(UserDetail::userName).toList();
            List<String> roles = iam.roles(true).stream()
                    .filter(role -> attaches(role.attachedManagedPolicies(), policyArn)).map(RoleDetail::roleName).toList();
            List<String> groups = iam.groups().stream()
                    .filter(group -> attaches(group.attachedManagedPolicies(), policyArn)).map(GroupDetail::groupName).toList();
            if (!users.isEmpty() || !roles.isEmpty() || !groups.isEmpty()) {
                resources.add(ctx.resource(POLICY_ATTACHMENT, policyArn, Attributes.of()
                        .put("policy_arn", policyArn)
                        .put("users", users)
                        .put("roles", roles)
                        .put("groups", groups)
                        .build()));
            }
        }
        return resources;
    }

    /**
     * True when an attachment of this policy to one user, role or group is an exclusive aws_iam_policy_attachment's
     * business (its sets show it) rather than an unmanaged per-entity attachment.
     */
    static boolean exclusivelyAttached(CollectorContext ctx, String policyArn) {
        return ctx.manages(POLICY_ATTACHMENT, policyArn);
    }

    private static boolean attaches(List<AttachedPolicy> policies, String policyArn) {
        return policies.stream().anyMatch(policy -> policyArn.equals(policy.policyArn()));
    }

    private static Map<String, List<String>> membersByGroup(IamAuthorization iam) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        iam.users().forEach(user -> user.groupList().forEach(group ->
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(user.userName())));
        return members;
    }

    private static Set<String> strings(Object value) {
        Set<String> strings = new HashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> strings.add(String.valueOf(v)));
        }
        return strings;
    }
}
