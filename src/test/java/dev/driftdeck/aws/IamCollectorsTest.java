package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

class IamCollectorsTest {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String READ_LOGS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"logs:Get*\",\"Resource\":\"*\"}]}";

    private IamClient iam;
    private String policyArn;

    @BeforeEach
    void createIdentities() {
        MotoServer.shared().reset();
        iam = MotoAws.operatorIam();
        iam.createRole(r -> r.roleName("app").path("/app/").description("the app").maxSessionDuration(7200)
                .assumeRolePolicyDocument(TRUST).tags(t -> t.key("Team").value("ops")));
        iam.createServiceLinkedRole(r -> r.awsServiceName("autoscaling.amazonaws.com"));
        policyArn = iam.createPolicy(r -> r.policyName("readlogs").path("/").description("read logs")
                .policyDocument(READ_LOGS).tags(t -> t.key("Team").value("ops"))).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("app").policyArn(policyArn));
        String audit = iam.createPolicy(r -> r.policyName("audit").path("/sec/").policyDocument(READ_LOGS))
                .policy().arn();
        iam.attachRolePolicy(r -> r.roleName("app").policyArn(audit));
        iam.createUser(r -> r.userName("alice").path("/people/").tags(t -> t.key("Team").value("ops")));
    }

    @AfterEach
    void close() {
        iam.close();
    }

    @Test
    void rolesAreKeyedByNameWithAPlainJsonTrustPolicyAndServiceLinkedRolesOnlyWhenStrict() {
        Map<String, LiveResource> roles = MotoAws.byId(MotoAws.list("aws_iam_role", false));

        assertThat(roles).containsOnlyKeys("app");
        Map<String, Object> app = roles.get("app").attributes();
        assertThat(app).containsEntry("path", "/app/").containsEntry("description", "the app")
                .containsEntry("max_session_duration", 7200).containsEntry("tags", Map.of("Team", "ops"));
        // moto returns the document URL-encoded; Terraform stores JSON text.
        assertThat((String) app.get("assume_role_policy")).startsWith("{").contains("\"ec2.amazonaws.com\"");

        assertThat(MotoAws.list("aws_iam_role", true))
                .extracting(LiveResource::id).contains("app", "AWSServiceRoleForAutoScaling");
    }

    @Test
    void onlyCustomerManagedPoliciesAreListedByArnWithTheirDefaultVersionDocument() {
        Map<String, LiveResource> policies = MotoAws.byId(MotoAws.list("aws_iam_policy", true));

        // moto loads no AWS-managed policies by default; AwsScannerTest checks that ListPolicies asks for Scope=Local.
        assertThat(policies).containsOnlyKeys(policyArn, "arn:aws:iam::123456789012:policy/sec/audit");
        Map<String, Object> readLogs = policies.get(policyArn).attributes();
        assertThat(readLogs).containsEntry("path", "/").containsEntry("description", "read logs")
                .containsEntry("tags", Map.of("Team", "ops"));
        assertThat((String) readLogs.get("policy")).startsWith("{").contains("\"logs:Get*\"");
    }

    @Test
    void roleAttachmentsAreKeyedRoleSlashPolicyArn() {
        Map<String, LiveResource> attachments =
                MotoAws.byId(MotoAws.list("aws_iam_role_policy_attachment", false));

        assertThat(attachments).containsOnlyKeys(
                "app/arn:aws:iam::123456789012:policy/readlogs",
                "app/arn:aws:iam::123456789012:policy/sec/audit");
        assertThat(attachments.get("app/" + policyArn).attributes())
                .isEqualTo(Map.of("role", "app", "policy_arn", policyArn));
        assertThat(Collectors.forType("aws_iam_role_policy_attachment").orElseThrow().spec().idFrom()).containsExactly("role", "policy_arn");
    }

    @Test
    void usersAreKeyedByNameWithPathAndTags() {
        Map<String, LiveResource> users = MotoAws.byId(MotoAws.list("aws_iam_user", false));

        assertThat(users).containsOnlyKeys("alice");
        assertThat(users.get("alice").attributes()).containsOnlyKeys("path", "tags", "permissions_boundary")
                .containsEntry("path", "/people/").containsEntry("tags", Map.of("Team", "ops"))
                .containsEntry("permissions_boundary", null);
    }
}
