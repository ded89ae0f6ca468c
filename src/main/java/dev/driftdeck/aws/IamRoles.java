package dev.driftdeck.aws;

import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.Role;

/** The roles the role-based collectors look at: service-linked roles belong to AWS and are dropped unless strict. */
final class IamRoles {

    static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    private IamRoles() {
    }

    static Stream<Role> listed(CollectorContext ctx) {
        return ctx.iam().listRolesPaginator().roles().stream()
                .filter(role -> ctx.strict() || role.path() == null || !role.path().startsWith(SERVICE_LINKED_PATH));
    }
}
