package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * One account's IAM as GetAccountAuthorizationDetails describes it. Only customer-managed policies are asked for
 * (LocalManagedPolicy): AWS-managed ones can never be a Terraform {@code aws_iam_policy}, and there are over a
 * thousand.
 */
public record IamAuthorization(List<RoleDetail> roles, List<UserDetail> users, List<GroupDetail> groups,
                               List<ManagedPolicyDetail> policies) {

    static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    static IamAuthorization list(IamClient iam) {
        List<RoleDetail> roles = new ArrayList<>();
        List<UserDetail> users = new ArrayList<>();
        List<GroupDetail> groups = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(
                EntityType.ROLE, EntityType.USER, EntityType.GROUP, EntityType.LOCAL_MANAGED_POLICY))) {
            roles.addAll(page.roleDetailList());
            users.addAll(page.userDetailList());
            groups.addAll(page.groupDetailList());
            policies.addAll(page.policies());
        }
        return new IamAuthorization(List.copyOf(roles), List.copyOf(users), List.copyOf(groups), List.copyOf(policies));
    }

    /** Roles Terraform could own: service-linked roles belong to AWS and are left out unless strict. */
    List<RoleDetail> roles(boolean strict) {
        return roles.stream()
                .filter(role -> strict || role.path() == null || !role.path().startsWith(SERVICE_LINKED_PATH))
                .toList();
    }
}
