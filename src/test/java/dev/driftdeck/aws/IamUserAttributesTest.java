package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * A user's permissions boundary as GetAccountAuthorizationDetails answers it on AWS. moto 5.2.1 answers every user's
 * boundary there as an empty object (its "ToDo"), so the fixtures cannot drift it; this holds the mapping to the
 * shape the provider writes ({@code permissions_boundary} = the policy ARN, "" when none) instead.
 */
class IamUserAttributesTest {

    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/boundary";

    @Test
    void theBoundaryIsItsPolicyArn() {
        UserDetail user = UserDetail.builder().userName("alice").path("/people/")
                .permissionsBoundary(b -> b.permissionsBoundaryType("PermissionsBoundaryPolicy")
                        .permissionsBoundaryArn(BOUNDARY))
                .build();

        assertThat(IamCollectors.user(user)).containsEntry("permissions_boundary", BOUNDARY)
                .containsEntry("path", "/people/");
    }

    @Test
    void noBoundaryIsAbsentWhichTheStatesEmptyStringEquals() {
        UserDetail user = UserDetail.builder().userName("alice").path("/").build();

        assertThat(IamCollectors.user(user)).containsEntry("permissions_boundary", null);
    }
}
