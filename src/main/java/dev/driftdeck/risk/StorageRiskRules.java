package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** S3: public access blocks, bucket policies and ACLs, versioning, logging, encryption (FIELD-NOTES §3.2 12-20). */
final class StorageRiskRules {

    static final String ACCOUNT_BLOCK = "aws_s3_account_public_access_block";
    static final String BUCKET_BLOCK = "aws_s3_bucket_public_access_block";
    static final String BUCKET_POLICY = "aws_s3_bucket_policy";
    static final String BUCKET_ACL = "aws_s3_bucket_acl";
    static final String VERSIONING = "aws_s3_bucket_versioning";
    static final String LOGGING = "aws_s3_bucket_logging";
    static final String ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration";

    private static final List<String> BLOCK_FLAGS =
            List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");
    static final Set<String> READ_ACTIONS = Set.of("s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket");
    static final Set<String> WRITE_ACTIONS = Set.of("s3:PutObject", "s3:DeleteObject", "s3:PutObjectAcl",
            "s3:PutBucketPolicy", "s3:DeleteBucket", "s3:PutBucketAcl");
    private static final String PUBLIC_GROUPS = "http://acs.amazonaws.com/groups/global/";
    private static final String POLICY_FIX = "Restore the bucket policy with terraform apply; grant access to named "
            + "principals, or serve public content through CloudFront with origin access control.";

    private StorageRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-S3-001", Severity.HIGH, "Account-level S3 public access block weakened or removed")
                        .why("Every bucket of the account can now be made public by a policy or ACL.")
                        .fix("Set all four settings back to true (terraform apply on "
                                + "aws_s3_account_public_access_block).")
                        .refs("S3.1", "CIS 2.1.4").on(ACCOUNT_BLOCK).reads(BLOCK_FLAGS.toArray(String[]::new))
                        .failsWhen(StorageRiskRules::blockWeak),
                rule("DD-S3-002", Severity.HIGH, "Bucket public access block weakened or removed")
                        .why("The bucket's guard against public policies and ACLs is off: one policy edit away "
                                + "from a public bucket.")
                        .fix("Set all four settings back to true (terraform apply on "
                                + "aws_s3_bucket_public_access_block).")
                        .refs("S3.8").on(BUCKET_BLOCK).reads(BLOCK_FLAGS.toArray(String[]::new))
                        .failsWhen(StorageRiskRules::blockWeak),
                rule("DD-S3-003", Severity.CRITICAL, "Bucket policy lets anyone read")
                        .why("Principal \"*\" without a condition: the objects are readable by the whole internet.")
                        .fix(POLICY_FIX).refs("S3.2").on(BUCKET_POLICY).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnyone(READ_ACTIONS)),
                rule("DD-S3-004", Severity.CRITICAL, "Bucket policy lets anyone write or delete")
                        .why("Anyone can overwrite, delete or plant objects, or change the bucket's policy.")
                        .fix(POLICY_FIX).refs("S3.3").on(BUCKET_POLICY).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnyone(WRITE_ACTIONS)),
                rule("DD-S3-005", Severity.CRITICAL, "Bucket ACL grants access to all users")
                        .why("A grant to AllUsers or AuthenticatedUsers opens the bucket to anyone with an AWS "
                                + "account or none at all.")
                        .fix("Remove the grant (canned ACL private) and set BucketOwnerEnforced object ownership.")
                        .refs("S3.2", "S3.3").on(BUCKET_ACL).reads("access_control_policy", "acl")
                        .failsWhenPresentAnd(StorageRiskRules::aclPublic),
                rule("DD-S3-006", Severity.HIGH, "Bucket policy grants access to another AWS account")
                        .why("A principal outside the bucket's account can reach its data.")
                        .fix(POLICY_FIX).refs("S3.6").on(BUCKET_POLICY).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnotherAccount(in.account())),
                rule("DD-S3-007", Severity.MEDIUM, "Bucket policy no longer denies plain-HTTP requests")
                        .why("Without the aws:SecureTransport deny, clients can read and write the bucket unencrypted.")
                        .fix("Restore the Deny statement with Condition Bool aws:SecureTransport = false.")
                        .onlyAsChange().refs("S3.5", "CIS 2.1.1").on(BUCKET_POLICY).reads("policy")
                        .failsWhen(in -> in.absent() || !PolicyDocument.of(in.get("policy")).deniesInsecureTransport()),
                rule("DD-S3-008", Severity.MEDIUM, "Bucket versioning suspended")
                        .why("Overwritten and deleted objects can no longer be recovered, and ransomware gets easier.")
                        .fix("Set versioning back to Enabled (terraform apply on aws_s3_bucket_versioning).")
                        .refs("S3.14").on(VERSIONING).reads("versioning_configuration")
                        .failsWhen(in -> {
                            Object status = Values.firstBlock(in.get("versioning_configuration")).get("status");
                            return in.absent() || (status != null && !"Enabled".equals(status));
                        }),
                rule("DD-S3-009", Severity.MEDIUM, "Bucket access logging removed")
                        .why("Requests to the bucket are no longer recorded: an incident cannot be traced.")
                        .fix("Restore the logging configuration (terraform apply on aws_s3_bucket_logging).")
                        .onlyAsChange().refs("S3.9").on(LOGGING).reads("target_bucket")
                        .failsWhen(in -> in.absent() || (in.attributes().containsKey("target_bucket")
                                && Values.text(in.get("target_bucket")) == null)),
                rule("DD-S3-010", Severity.MEDIUM, "Bucket default encryption removed or downgraded from KMS")
                        .why("New objects are no longer encrypted with the key the state names: its access "
                                + "policy and CloudTrail record of use no longer protect them.")
                        .fix("Restore the encryption configuration (terraform apply on "
                                + "aws_s3_bucket_server_side_encryption_configuration).")
                        .onlyAsChange().refs("S3.17").on(ENCRYPTION).reads("rule")
                        .failsWhen(in -> in.absent() || (in.attributes().containsKey("rule")
                                && !sseAlgorithms(in).stream().anyMatch(a -> a.startsWith("aws:kms")))));
    }

    /** A block is weak when one of its four flags is false, or when it is gone. */
    private static boolean blockWeak(RuleInput in) {
        return in.absent() || BLOCK_FLAGS.stream().anyMatch(flag -> Values.isFalse(in.get(flag)));
    }

    private static boolean aclPublic(RuleInput in) {
        if ("public-read".equals(in.get("acl")) || "public-read-write".equals(in.get("acl"))
                || "authenticated-read".equals(in.get("acl"))) {
            return true;
        }
        for (Map<String, Object> policy : Values.blocks(in.get("access_control_policy"))) {
            for (Map<String, Object> grant : Values.blocks(policy.get("grant"))) {
                for (Map<String, Object> grantee : Values.blocks(grant.get("grantee"))) {
                    String uri = Values.text(grantee.get("uri"));
                    if (uri != null && uri.startsWith(PUBLIC_GROUPS)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> sseAlgorithms(RuleInput in) {
        return Values.blocks(in.get("rule")).stream()
                .flatMap(rule -> Values.blocks(rule.get("apply_server_side_encryption_by_default")).stream())
                .map(byDefault -> String.valueOf(byDefault.get("sse_algorithm")))
                .toList();
    }
}
