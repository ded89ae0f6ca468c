package dev.driftdeck.aws.coverage;

import dev.driftdeck.state.AccessKeyIds;
import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What an operator does in the console to the {@code fixtures/terraform/policies} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class PolicyFamilyDrift {

    private static final String ACCOUNT = MotoClients.ACCOUNT;
    private static final String OTHER_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ByHand\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"*\"}]}";

    private static final String IDENTITY_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    /** A raw access key id created by {@link #apply}: it must appear in no finding, only its redacted form. */
    static String handMadeKeyId;

    private PolicyFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        messaging(f, expected);
        groups(f, expected);
        credentials(f, expected);
        healthChecks(f, expected);
        return expected;
    }

    private static void messaging(CoverageFixture f, List<String> expected) {
        try (SqsClient sqs = MotoClients.of(SqsClient.builder()); SnsClient sns = MotoClients.of(SnsClient.builder());
             EcrClient ecr = MotoClients.of(EcrClient.builder())) {
            sqs.setQueueAttributes(r -> r.queueUrl(f.id("aws_sqs_queue.dlq[0]"))
                    .attributes(Map.of(QueueAttributeName.POLICY, OTHER_DOCUMENT)));
            expected.add("CHANGED aws_sqs_queue_policy.dlq[0] policy");
            sqs.setQueueAttributes(r -> r.queueUrl(f.id("aws_sqs_queue.dlq[1]"))
                    .attributes(Map.of(QueueAttributeName.POLICY, "")));
            expected.add("MISSING aws_sqs_queue_policy.dlq[1]");
            sqs.setQueueAttributes(r -> r.queueUrl(f.id("aws_sqs_queue.q[0]")).attributes(Map.of(
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + f.attribute("aws_sqs_queue.dlq[0]", "arn")
                            + "\",\"maxReceiveCount\":9}")));
            expected.add("CHANGED aws_sqs_queue_redrive_policy.q[0] redrive_policy");
            sqs.setQueueAttributes(r -> r.queueUrl(f.id("aws_sqs_queue.q[1]"))
                    .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, "")));
            expected.add("MISSING aws_sqs_queue_redrive_policy.q[1]");
            // A policy on a managed queue with no aws_sqs_queue_policy is the queue's own attribute, which
            // refresh-only reports changed. One on a queue made by hand is that queue's business: one UNMANAGED
            // queue, no policy finding. Policies and redrive policies managed as their own resources (dlq[0],
            // q[0], t[0]) are reported there only, never again on the parent.
            sqs.setQueueAttributes(r -> r.queueUrl(f.id("aws_sqs_queue.q[1]"))
                    .attributes(Map.of(QueueAttributeName.POLICY, OTHER_DOCUMENT)));
            expected.add("CHANGED aws_sqs_queue.q[1] policy");
            sqs.createQueue(r -> r.queueName("policy-by-hand").attributes(Map.of(QueueAttributeName.POLICY, OTHER_DOCUMENT)));
            expected.add("UNMANAGED aws_sqs_queue arn:aws:sqs:us-east-1:" + ACCOUNT + ":policy-by-hand");

            sns.setTopicAttributes(r -> r.topicArn(f.id("aws_sns_topic.t[0]")).attributeName("Policy")
                    .attributeValue(OTHER_DOCUMENT));
            expected.add("CHANGED aws_sns_topic_policy.t[0] policy");
            sns.deleteTopic(r -> r.topicArn(f.id("aws_sns_topic.t[1]")));
            expected.addAll(List.of("MISSING aws_sns_topic.t[1]", "MISSING aws_sns_topic_policy.t[1]"));
            String topic = sns.createTopic(r -> r.name("policy-by-hand").attributes(Map.of("Policy", OTHER_DOCUMENT)))
                    .topicArn();
            expected.add("UNMANAGED aws_sns_topic " + topic);

            ecr.setRepositoryPolicy(r -> r.repositoryName("policy-repo-0").policyText(OTHER_DOCUMENT));
            expected.add("CHANGED aws_ecr_repository_policy.r[0] policy");
            ecr.deleteRepositoryPolicy(r -> r.repositoryName("policy-repo-1"));
            expected.add("MISSING aws_ecr_repository_policy.r[1]");
            ecr.createRepository(r -> r.repositoryName("policy-by-hand"));
            ecr.setRepositoryPolicy(r -> r.repositoryName("policy-by-hand").policyText(OTHER_DOCUMENT));
            expected.add("UNMANAGED aws_ecr_repository policy-by-hand");
        }
    }

    private static void groups(CoverageFixture f, List<String> expected) {
        try (IamClient iam = MotoClients.iam()) {
            iam.putGroupPolicy(r -> r.groupName("policy-group-0").policyName("inline-0").policyDocument(IDENTITY_DOCUMENT));
            expected.add("CHANGED aws_iam_group_policy.g[0] policy");
            iam.deleteGroupPolicy(r -> r.groupName("policy-group-0").policyName("inline-1"));
            expected.add("MISSING aws_iam_group_policy.g[1]");
            iam.putGroupPolicy(r -> r.groupName("policy-group-2").policyName("by-hand").policyDocument(IDENTITY_DOCUMENT));
            expected.add("UNMANAGED aws_iam_group_policy policy-group-2:by-hand");

            // Exclusive membership: a user added by hand is the membership's drift, not an unmanaged membership.
            iam.addUserToGroup(r -> r.groupName("policy-group-0").userName("policy-user-1"));
            expected.add("CHANGED aws_iam_group_membership.m[0] users");
            iam.removeUserFromGroup(r -> r.groupName("policy-group-1").userName("policy-user-1"));
            iam.deleteGroup(r -> r.groupName("policy-group-1"));
            expected.addAll(List.of("MISSING aws_iam_group.g[1]", "MISSING aws_iam_group_membership.m[1]"));

            // Per-user membership: a declared group removed drifts it; a group added by hand is an unmanaged one.
            iam.removeUserFromGroup(r -> r.groupName("policy-group-2").userName("policy-user-0"));
            expected.add("CHANGED aws_iam_user_group_membership.m[0] groups");
            iam.addUserToGroup(r -> r.groupName("policy-group-3").userName("policy-user-0"));
            expected.add("UNMANAGED aws_iam_user_group_membership policy-user-0/policy-group-3");
            iam.removeUserFromGroup(r -> r.groupName("policy-group-3").userName("policy-user-2"));
            iam.deleteUser(r -> r.userName("policy-user-2"));
            expected.addAll(List.of("MISSING aws_iam_user.u[2]", "MISSING aws_iam_user_group_membership.m[1]"));

            // Exclusive attachment: detached and attached by hand both show in its sets.
            String read0 = f.attribute("aws_iam_policy.p[0]", "arn");
            iam.detachUserPolicy(r -> r.userName("policy-user-0").policyArn(read0));
            iam.attachGroupPolicy(r -> r.groupName("policy-group-3").policyArn(read0));
            expected.addAll(List.of("CHANGED aws_iam_policy_attachment.p[0] users",
                    "CHANGED aws_iam_policy_attachment.p[0] groups"));
            String read1 = f.attribute("aws_iam_policy.p[1]", "arn");
            iam.detachUserPolicy(r -> r.userName("policy-user-0").policyArn(read1));
            iam.detachRolePolicy(r -> r.roleName("policy-role").policyArn(read1));
            iam.detachGroupPolicy(r -> r.groupName("policy-group-0").policyArn(read1));
            expected.add("MISSING aws_iam_policy_attachment.p[1]");
            // A policy no exclusive attachment owns, attached by hand: the per-entity type reports it.
            String byHand = iam.createPolicy(r -> r.policyName("policy-by-hand").policyDocument(IDENTITY_DOCUMENT))
                    .policy().arn();
            iam.attachRolePolicy(r -> r.roleName("policy-role").policyArn(byHand));
            expected.addAll(List.of("UNMANAGED aws_iam_policy " + byHand,
                    "UNMANAGED aws_iam_role_policy_attachment policy-role/" + byHand));
        }
    }

    private static void credentials(CoverageFixture f, List<String> expected) {
        try (IamClient iam = MotoClients.iam()) {
            // The state holds the key ids redacted: the test finds the raw ones by listing, as an operator would.
            List<String> keys = iam.listAccessKeys(r -> r.userName("policy-user-0")).accessKeyMetadata().stream()
                    .map(key -> key.accessKeyId()).toList();
            String drifted = keys.stream().filter(key -> AccessKeyIds.redact(key).equals(f.id("aws_iam_access_key.k[0]")))
                    .findFirst().orElseThrow();
            String deleted = keys.stream().filter(key -> AccessKeyIds.redact(key).equals(f.id("aws_iam_access_key.k[1]")))
                    .findFirst().orElseThrow();
            iam.updateAccessKey(r -> r.userName("policy-user-0").accessKeyId(drifted).status(StatusType.INACTIVE));
            expected.add("CHANGED aws_iam_access_key.k[0] status");
            iam.deleteAccessKey(r -> r.userName("policy-user-0").accessKeyId(deleted));
            expected.add("MISSING aws_iam_access_key.k[1]");
            handMadeKeyId = iam.createAccessKey(r -> r.userName("policy-user-0")).accessKey().accessKeyId();
            expected.add("UNMANAGED aws_iam_access_key " + AccessKeyIds.redact(handMadeKeyId));

            iam.deleteLoginProfile(r -> r.userName("policy-user-0"));
            expected.add("MISSING aws_iam_user_login_profile.u");
            iam.createLoginProfile(r -> r.userName("policy-user-1").password("Hand-made-1!"));
            expected.add("UNMANAGED aws_iam_user_login_profile policy-user-1");

            // A user made by hand, with a key and a console password: one UNMANAGED user, its credentials are its own.
            iam.createUser(r -> r.userName("policy-by-hand"));
            iam.createAccessKey(r -> r.userName("policy-by-hand"));
            iam.createLoginProfile(r -> r.userName("policy-by-hand").password("Hand-made-1!"));
            expected.add("UNMANAGED aws_iam_user policy-by-hand");
        }
    }

    private static void healthChecks(CoverageFixture f, List<String> expected) {
        try (Route53Client route53 = MotoClients.global(Route53Client.builder())) {
            route53.updateHealthCheck(r -> r.healthCheckId(f.id("aws_route53_health_check.h[0]")).resourcePath("/ready"));
            expected.add("CHANGED aws_route53_health_check.h[0] resource_path");
            route53.deleteHealthCheck(r -> r.healthCheckId(f.id("aws_route53_health_check.h[1]")));
            expected.add("MISSING aws_route53_health_check.h[1]");
            String check = route53.createHealthCheck(r -> r.callerReference("by-hand").healthCheckConfig(c -> c
                    .type(HealthCheckType.HTTP).fullyQualifiedDomainName("by-hand.example.com").port(80)))
                    .healthCheck().id();
            expected.add("UNMANAGED aws_route53_health_check " + check);
        }
    }
}
