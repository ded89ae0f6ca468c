package dev.driftdeck.risk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One passing and one failing resource per catalogue rule, in the shapes the state and the collectors write.
 * {@code failing == null} means "the resource is gone" (a deleted security control).
 */
final class RuleExamples {

    static final String ACCOUNT = "111111111111";
    static final String OTHER_ACCOUNT = "222222222222";

    record Example(String rule, String type, Map<String, Object> passing, Map<String, Object> failing) {
    }

    private RuleExamples() {
    }

    static Map<String, Example> all() {
        Map<String, Example> all = new LinkedHashMap<>();
        for (Example example : List.of(
                sg("DD-SG-001", ingress("tcp", 22, 22, "0.0.0.0/0", null)),
                sg("DD-SG-002", ingress("tcp", 3389, 3389, "0.0.0.0/0", null)),
                sg("DD-SG-003", ingress("tcp", 22, 22, null, "::/0")),
                sg("DD-SG-004", ingress("-1", 0, 0, "0.0.0.0/0", null)),
                sg("DD-SG-005", ingress("tcp", 5432, 5432, "0.0.0.0/0", null)),
                new Example("DD-SG-006", "aws_default_security_group", Map.of("ingress", List.of(), "egress", List.of()),
                        Map.of("ingress", List.of(), "egress", List.of(rule("-1", 0, 0, "0.0.0.0/0", null)))),
                acl("DD-NACL-001", aclEntry("6", 22, 22)),
                acl("DD-NACL-002", aclEntry("-1", 0, 0)),
                new Example("DD-EC2-001", "aws_instance", metadata("required"), metadata("optional")),
                new Example("DD-EC2-002", "aws_instance", Map.of("associate_public_ip_address", false),
                        Map.of("associate_public_ip_address", true)),
                new Example("DD-EC2-003", "aws_ebs_encryption_by_default", Map.of("enabled", true), Map.of("enabled", false)),
                new Example("DD-LAMBDA-001", "aws_lambda_permission",
                        Map.of("principal", "s3.amazonaws.com", "source_arn", "arn:aws:s3:::b"),
                        with(withNull("source_arn"), "principal", "*")),
                new Example("DD-LAMBDA-002", "aws_lambda_function_url", Map.of("authorization_type", "AWS_IAM"),
                        Map.of("authorization_type", "NONE")),
                new Example("DD-EKS-001", "aws_eks_cluster",
                        Map.of("vpc_config", List.of(Map.of("endpoint_public_access", true,
                                "public_access_cidrs", List.of("203.0.113.0/24")))),
                        Map.of("vpc_config", List.of(Map.of("endpoint_public_access", true,
                                "public_access_cidrs", List.of("0.0.0.0/0"))))),
                new Example("DD-S3-001", "aws_s3_account_public_access_block", block(true), block(false)),
                new Example("DD-S3-002", "aws_s3_bucket_public_access_block", block(true), null),
                policy("DD-S3-003", "aws_s3_bucket_policy", statement("\"arn:aws:iam::" + ACCOUNT + ":root\"", "s3:GetObject"),
                        statement("\"*\"", "s3:GetObject")),
                policy("DD-S3-004", "aws_s3_bucket_policy", statement("\"arn:aws:iam::" + ACCOUNT + ":root\"", "s3:*"),
                        statement("{\"AWS\":\"*\"}", "s3:PutObject")),
                new Example("DD-S3-005", "aws_s3_bucket_acl", acl(grantee("CanonicalUser", null)),
                        acl(grantee("Group", "http://acs.amazonaws.com/groups/global/AllUsers"))),
                policy("DD-S3-006", "aws_s3_bucket_policy", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":role/r\"}", "s3:GetObject"),
                        statement("{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}", "s3:GetObject")),
                policy("DD-S3-007", "aws_s3_bucket_policy", "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                                + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
                        statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "s3:GetObject")),
                new Example("DD-S3-008", "aws_s3_bucket_versioning", versioning("Enabled"), versioning("Suspended")),
                new Example("DD-S3-009", "aws_s3_bucket_logging", Map.of("target_bucket", "logs"),
                        Map.of("target_bucket", "")),
                new Example("DD-S3-010", "aws_s3_bucket_server_side_encryption_configuration", sse("aws:kms"), sse("AES256")),
                policy("DD-IAM-001", "aws_iam_role_policy", statement(null, "s3:GetObject"), statement(null, "*")),
                new Example("DD-IAM-002", "aws_iam_user_policy_attachment",
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess")),
                new Example("DD-IAM-003", "aws_iam_role_policy_attachment",
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess")),
                new Example("DD-IAM-004", "aws_iam_group_policy_attachment",
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                        Map.of("policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess")),
                trust("DD-IAM-005", "{\"Service\":\"ec2.amazonaws.com\"}", "{\"AWS\":\"*\"}"),
                trust("DD-IAM-006", "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}",
                        "{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}"),
                policy("DD-IAM-007", "aws_iam_policy", statement(null, "iam:GetRole"), statement(null, "iam:Attach*")),
                new Example("DD-IAM-008", "aws_iam_role",
                        Map.of("permissions_boundary", "arn:aws:iam::" + ACCOUNT + ":policy/boundary"),
                        withNull("permissions_boundary")),
                new Example("DD-KMS-001", "aws_kms_key", Map.of("enable_key_rotation", true), Map.of("enable_key_rotation", false)),
                new Example("DD-KMS-002", "aws_kms_key", Map.of("is_enabled", true), Map.of("is_enabled", false)),
                new Example("DD-KMS-003", "aws_kms_key", Map.of("is_enabled", true), null),
                policy("DD-KMS-004", "aws_kms_key", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "kms:*"),
                        statement("{\"AWS\":\"*\"}", "kms:Decrypt")),
                policy("DD-KMS-005", "aws_kms_key", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "kms:*"),
                        statement("{\"AWS\":\"" + OTHER_ACCOUNT + "\"}", "kms:Decrypt")),
                new Example("DD-RDS-001", "aws_db_instance", Map.of("publicly_accessible", false),
                        Map.of("publicly_accessible", true)),
                new Example("DD-RDS-002", "aws_db_instance", Map.of("deletion_protection", true),
                        Map.of("deletion_protection", false)),
                new Example("DD-RDS-003", "aws_db_instance", Map.of("backup_retention_period", 7),
                        Map.of("backup_retention_period", 0)),
                new Example("DD-CT-001", "aws_cloudtrail", Map.of("enable_logging", true), null),
                new Example("DD-CT-002", "aws_cloudtrail", Map.of("enable_logging", true), Map.of("enable_logging", false)),
                new Example("DD-CT-003", "aws_cloudtrail", Map.of("is_multi_region_trail", true),
                        Map.of("is_multi_region_trail", false)),
                new Example("DD-CT-004", "aws_cloudtrail", Map.of("kms_key_id", "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k"),
                        withNull("kms_key_id")),
                new Example("DD-CT-005", "aws_cloudtrail", Map.of("enable_log_file_validation", true),
                        Map.of("enable_log_file_validation", false)),
                policy("DD-SQS-001", "aws_sqs_queue_policy", statement("{\"Service\":\"sns.amazonaws.com\"}", "sqs:SendMessage"),
                        statement("\"*\"", "sqs:*")),
                policy("DD-SQS-002", "aws_sqs_queue_policy", statement("{\"Service\":\"sns.amazonaws.com\"}", "sqs:SendMessage"),
                        statement("{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}", "sqs:SendMessage")),
                policy("DD-SNS-001", "aws_sns_topic_policy", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "sns:Publish"),
                        statement("{\"AWS\":\"*\"}", "sns:Publish")),
                policy("DD-SNS-002", "aws_sns_topic_policy", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "sns:Publish"),
                        statement("{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}", "sns:Publish")),
                policy("DD-ECR-001", "aws_ecr_repository_policy", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "ecr:*"),
                        statement("\"*\"", "ecr:BatchGetImage")),
                policy("DD-ECR-002", "aws_ecr_repository_policy", statement("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "ecr:*"),
                        statement("{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}", "ecr:BatchGetImage")))) {
            all.put(example.rule(), example);
        }
        return all;
    }

    private static Example sg(String rule, Map<String, Object> open) {
        return new Example(rule, "aws_security_group",
                Map.of("ingress", List.of(rule("tcp", 443, 443, "0.0.0.0/0", null))),
                Map.of("ingress", List.of(rule("tcp", 443, 443, "0.0.0.0/0", null), open)));
    }

    private static Map<String, Object> ingress(String protocol, int from, int to, String ipv4, String ipv6) {
        return rule(protocol, from, to, ipv4, ipv6);
    }

    static Map<String, Object> rule(String protocol, int from, int to, String ipv4, String ipv6) {
        return Map.of("protocol", protocol, "from_port", from, "to_port", to,
                "cidr_blocks", ipv4 == null ? List.of() : List.of(ipv4),
                "ipv6_cidr_blocks", ipv6 == null ? List.of() : List.of(ipv6),
                "self", false, "security_groups", List.of(), "prefix_list_ids", List.of(), "description", "");
    }

    private static Example acl(String rule, Map<String, Object> open) {
        Map<String, Object> https = aclEntry("6", 443, 443);
        return new Example(rule, "aws_network_acl", Map.of("ingress", List.of(https)),
                Map.of("ingress", List.of(https, open)));
    }

    private static Map<String, Object> aclEntry(String protocol, int from, int to) {
        return Map.of("action", "allow", "cidr_block", "0.0.0.0/0", "protocol", protocol, "from_port", from,
                "to_port", to, "rule_no", 100 + from);
    }

    private static Map<String, Object> metadata(String tokens) {
        return Map.of("metadata_options", List.of(Map.of("http_endpoint", "enabled", "http_tokens", tokens)));
    }

    private static Map<String, Object> block(boolean on) {
        return Map.of("block_public_acls", on, "block_public_policy", true, "ignore_public_acls", true,
                "restrict_public_buckets", true);
    }

    private static Example policy(String rule, String type, String passing, String failing) {
        return new Example(rule, type, Map.of("policy", passing), Map.of("policy", failing));
    }

    private static Example trust(String rule, String passingPrincipal, String failingPrincipal) {
        String template = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":%s,"
                + "\"Action\":\"sts:AssumeRole\"}]}";
        return new Example(rule, "aws_iam_role", Map.of("assume_role_policy", template.formatted(passingPrincipal)),
                Map.of("assume_role_policy", template.formatted(failingPrincipal)));
    }

    /** An Allow statement; no principal for an identity policy. */
    static String statement(String principal, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + (principal == null ? "" : "\"Principal\":" + principal + ",")
                + "\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }

    private static Map<String, Object> acl(Map<String, Object> grantee) {
        return Map.of("access_control_policy", List.of(Map.of(
                "grant", List.of(Map.of("grantee", List.of(grantee), "permission", "READ")),
                "owner", List.of(Map.of("id", "owner")))));
    }

    private static Map<String, Object> grantee(String type, String uri) {
        Map<String, Object> grantee = new HashMap<>();
        grantee.put("type", type);
        grantee.put("uri", uri);
        grantee.put("id", uri == null ? "owner" : null);
        return grantee;
    }

    private static Map<String, Object> versioning(String status) {
        return Map.of("versioning_configuration", List.of(Map.of("status", status, "mfa_delete", "Disabled")));
    }

    private static Map<String, Object> sse(String algorithm) {
        return Map.of("rule", List.of(Map.of("bucket_key_enabled", false,
                "apply_server_side_encryption_by_default", List.of(Map.of("sse_algorithm", algorithm)))));
    }

    private static Map<String, Object> with(Map<String, Object> map, String attribute, Object value) {
        map.put(attribute, value);
        return map;
    }

    private static Map<String, Object> withNull(String attribute) {
        Map<String, Object> map = new HashMap<>();
        map.put(attribute, null);
        return map;
    }
}
