package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** As {@link NetworkDrift}, for IAM, KMS, S3, Secrets Manager and SSM. */
final class IdentityDrift {

    private static final String OTHER_DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private IdentityDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (IamClient iam = MotoClients.iam()) {
            iam.updateRole(r -> r.roleName("app-0").description("edited by hand"));
            expected.add("CHANGED aws_iam_role.app[0] description");
            iam.putRolePolicy(r -> r.roleName("app-0").policyName("inline-0").policyDocument(OTHER_DOCUMENT));
            expected.add("CHANGED aws_iam_role_policy.inline[0] policy");
            iam.deleteRolePolicy(r -> r.roleName("app-0").policyName("inline-1"));
            expected.add("MISSING aws_iam_role_policy.inline[1]");
            String read0 = f.id("aws_iam_policy.read[0]");
            iam.createPolicyVersion(r -> r.policyArn(read0).policyDocument(OTHER_DOCUMENT).setAsDefault(true));
            expected.add("CHANGED aws_iam_policy.read[0] policy");
            // Deleting a policy takes its attachments with it.
            String read1 = f.id("aws_iam_policy.read[1]");
            iam.detachRolePolicy(r -> r.roleName("app-0").policyArn(read1));
            iam.detachUserPolicy(r -> r.userName("dev-0").policyArn(read1));
            iam.detachGroupPolicy(r -> r.groupName("devs-0").policyArn(read1));
            iam.deletePolicy(r -> r.policyArn(read1));
            expected.addAll(List.of("MISSING aws_iam_policy.read[1]", "MISSING aws_iam_role_policy_attachment.read[1]",
                    "MISSING aws_iam_user_policy_attachment.read[1]", "MISSING aws_iam_group_policy_attachment.read[1]"));
            iam.putUserPolicy(r -> r.userName("dev-0").policyName("inline-0").policyDocument(OTHER_DOCUMENT));
            expected.add("CHANGED aws_iam_user_policy.inline[0] policy");
            iam.deleteUserPolicy(r -> r.userName("dev-0").policyName("inline-1"));
            expected.add("MISSING aws_iam_user_policy.inline[1]");
            iam.updateUser(r -> r.userName("dev-0").newPath("/moved/"));
            // moto's UpdateUser also drops the user's tags (the provider's default ManagedBy tag): a real difference.
            expected.addAll(List.of("CHANGED aws_iam_user.dev[0] path", "CHANGED aws_iam_user.dev[0] tags.ManagedBy"));
            iam.deleteUser(r -> r.userName("dev-1"));
            expected.add("MISSING aws_iam_user.dev[1]");
            // No group drift: moto 5.2.1's UpdateGroup ignores NewPath.
            iam.deleteGroup(r -> r.groupName("devs-1"));
            expected.add("MISSING aws_iam_group.devs[1]");
            iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("app-0").roleName("app-0"));
            expected.add("CHANGED aws_iam_instance_profile.app[0] role");
            iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("app-1").roleName("app-1"));
            iam.deleteInstanceProfile(r -> r.instanceProfileName("app-1"));
            iam.deleteRole(r -> r.roleName("app-1"));
            expected.addAll(List.of("MISSING aws_iam_instance_profile.app[1]", "MISSING aws_iam_role.app[1]"));

            iam.createRole(r -> r.roleName("by-hand").assumeRolePolicyDocument(OTHER_DOCUMENT));
            iam.putRolePolicy(r -> r.roleName("app-0").policyName("by-hand").policyDocument(OTHER_DOCUMENT));
            String policy = iam.createPolicy(r -> r.policyName("by-hand").policyDocument(OTHER_DOCUMENT)).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("app-0").policyArn(policy));
            iam.createUser(r -> r.userName("by-hand"));
            iam.attachUserPolicy(r -> r.userName("dev-0").policyArn(policy));
            iam.attachGroupPolicy(r -> r.groupName("devs-0").policyArn(policy));
            iam.putUserPolicy(r -> r.userName("dev-0").policyName("by-hand").policyDocument(OTHER_DOCUMENT));
            iam.createGroup(r -> r.groupName("by-hand"));
            iam.createInstanceProfile(r -> r.instanceProfileName("by-hand"));
            expected.addAll(List.of("UNMANAGED aws_iam_role by-hand", "UNMANAGED aws_iam_role_policy app-0:by-hand",
                    "UNMANAGED aws_iam_policy " + policy, "UNMANAGED aws_iam_role_policy_attachment app-0/" + policy,
                    "UNMANAGED aws_iam_user by-hand", "UNMANAGED aws_iam_user_policy_attachment dev-0/" + policy,
                    "UNMANAGED aws_iam_group by-hand",
                    "UNMANAGED aws_iam_group_policy_attachment devs-0/" + policy, "UNMANAGED aws_iam_user_policy dev-0:by-hand", "UNMANAGED aws_iam_instance_profile by-hand"));
        }
        try (KmsClient kms = MotoClients.of(KmsClient.builder())) {
            kms.updateKeyDescription(r -> r.keyId(f.id("aws_kms_key.data[0]")).description("edited"));
            expected.add("CHANGED aws_kms_key.data[0] description");
            // A key scheduled for deletion is gone for Terraform.
            kms.scheduleKeyDeletion(r -> r.keyId(f.id("aws_kms_key.data[1]")).pendingWindowInDays(7));
            expected.add("MISSING aws_kms_key.data[1]");
            String key = kms.createKey(r -> r.description("by hand")).keyMetadata().keyId();
            kms.updateAlias(r -> r.aliasName("alias/data-0").targetKeyId(key));
            expected.add("CHANGED aws_kms_alias.data[0] target_key_id");
            kms.deleteAlias(r -> r.aliasName("alias/data-1"));
            expected.add("MISSING aws_kms_alias.data[1]");
            kms.createAlias(r -> r.aliasName("alias/by-hand").targetKeyId(key));
            expected.addAll(List.of("UNMANAGED aws_kms_key " + key, "UNMANAGED aws_kms_alias alias/by-hand"));
        }
        try (S3Client s3 = MotoClients.s3()) {
            s3.putBucketTagging(r -> r.bucket("coverage-0").tagging(t -> t.tagSet(
                    tag -> tag.key("Name").value("by-hand"), tag -> tag.key("ManagedBy").value("terraform"))));
            expected.add("CHANGED aws_s3_bucket.b[0] tags.Name");
            s3.deleteBucket(r -> r.bucket("coverage-1"));
            expected.add("MISSING aws_s3_bucket.b[1]");
            s3.putBucketVersioning(r -> r.bucket("coverage-0")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
            expected.add("CHANGED aws_s3_bucket_versioning.b versioning_configuration");
            s3.putPublicAccessBlock(r -> r.bucket("coverage-0").publicAccessBlockConfiguration(b -> b
                    .blockPublicAcls(false).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)));
            expected.add("CHANGED aws_s3_bucket_public_access_block.b block_public_acls");
            s3.putBucketEncryption(r -> r.bucket("coverage-0").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
            expected.add("CHANGED aws_s3_bucket_server_side_encryption_configuration.b rule");
            s3.putBucketLifecycleConfiguration(r -> r.bucket("coverage-0").lifecycleConfiguration(c -> c.rules(rule -> rule
                    .id("expire-tmp").status(ExpirationStatus.ENABLED).filter(filter -> filter.prefix("tmp/"))
                    .expiration(e -> e.days(30)))));
            expected.add("CHANGED aws_s3_bucket_lifecycle_configuration.b rule.expire-tmp");
            s3.deleteBucketPolicy(r -> r.bucket("coverage-0"));
            expected.add("MISSING aws_s3_bucket_policy.b");
            s3.createBucket(r -> r.bucket("by-hand"));
            expected.add("UNMANAGED aws_s3_bucket by-hand");
        }
        try (SecretsManagerClient secrets = MotoClients.of(SecretsManagerClient.builder())) {
            secrets.updateSecret(r -> r.secretId("db-0").description("edited"));
            expected.add("CHANGED aws_secretsmanager_secret.db[0] description");
            secrets.deleteSecret(r -> r.secretId("db-1").forceDeleteWithoutRecovery(true));
            expected.add("MISSING aws_secretsmanager_secret.db[1]");
            String arn = secrets.createSecret(r -> r.name("by-hand").secretString("x")).arn();
            expected.add("UNMANAGED aws_secretsmanager_secret " + arn);
        }
        try (SsmClient ssm = MotoClients.of(SsmClient.builder())) {
            ssm.putParameter(r -> r.name("/app/conf-0").value("v0").type(ParameterType.STRING).description("edited")
                    .overwrite(true));
            expected.add("CHANGED aws_ssm_parameter.conf[0] description");
            ssm.deleteParameter(r -> r.name("/app/conf-1"));
            expected.add("MISSING aws_ssm_parameter.conf[1]");
            ssm.putParameter(r -> r.name("/by-hand").value("x").type(ParameterType.STRING));
            expected.add("UNMANAGED aws_ssm_parameter /by-hand");
        }
        security(f, expected);
        return expected;
    }

    /** Permission boundaries, key rotation and policies, resource policies and tags, as changed in the console. */
    private static void security(CoverageFixture f, List<String> expected) {
        String keyPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ByHand\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        try (IamClient iam = MotoClients.iam()) {
            iam.putRolePermissionsBoundary(r -> r.roleName("app-0").permissionsBoundary(f.id("aws_iam_policy.read[0]")));
            expected.add("CHANGED aws_iam_role.app[0] permissions_boundary");
        }
        try (KmsClient kms = MotoClients.of(KmsClient.builder())) {
            String key0 = f.id("aws_kms_key.data[0]");
            kms.enableKeyRotation(r -> r.keyId(key0));
            kms.putKeyPolicy(r -> r.keyId(key0).policyName("default").policy(keyPolicy));
            kms.disableKey(r -> r.keyId(key0));
            expected.addAll(List.of("CHANGED aws_kms_key.data[0] enable_key_rotation", "CHANGED aws_kms_key.data[0] policy",
                    "CHANGED aws_kms_key.data[0] is_enabled"));
        }
        try (SecretsManagerClient secrets = MotoClients.of(SecretsManagerClient.builder())) {
            secrets.putResourcePolicy(r -> r.secretId("db-0").resourcePolicy(keyPolicy.replace("kms:*", "secretsmanager:*")));
            expected.add("CHANGED aws_secretsmanager_secret.db[0] policy");
        }
        try (SsmClient ssm = MotoClients.of(SsmClient.builder())) {
            ssm.addTagsToResource(r -> r.resourceType("Parameter").resourceId("/app/conf-0")
                    .tags(t -> t.key("Owner").value("by-hand")));
            expected.add("CHANGED aws_ssm_parameter.conf[0] tags.Owner");
        }
    }
}
