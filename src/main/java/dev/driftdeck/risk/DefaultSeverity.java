package dev.driftdeck.risk;

import java.util.Collection;
import java.util.Set;

/**
 * The severity of a drift no catalogue rule grades (docs/risk-rules.md lists these defaults). Security-sensitive
 * types (identity, network filtering, keys, resource policies, audit) drift one step higher than the rest.
 */
public final class DefaultSeverity {

    /** Resources whose only job is to protect: their disappearance is at least HIGH. */
    public static final Set<String> SECURITY_CONTROLS = Set.of(
            "aws_s3_account_public_access_block", "aws_s3_bucket_public_access_block", "aws_cloudtrail",
            "aws_kms_key", "aws_ebs_encryption_by_default", "aws_guardduty_detector",
            "aws_config_configuration_recorder", "aws_securityhub_account", "aws_flow_log",
            "aws_iam_account_password_policy");

    private static final Set<String> SENSITIVE_PREFIXES = Set.of("aws_iam_", "aws_security_group",
            "aws_vpc_security_group_", "aws_default_security_group", "aws_network_acl", "aws_default_network_acl",
            "aws_kms_", "aws_s3_bucket_policy", "aws_s3_bucket_acl", "aws_s3_bucket_public_access_block",
            "aws_s3_account_public_access_block", "aws_lambda_permission", "aws_cloudtrail", "aws_secretsmanager_");
    private static final Set<String> TAG_ATTRIBUTES = Set.of("tags", "tags_all");

    private DefaultSeverity() {
    }

    /** A CHANGED resource: INFO when only tags changed, MEDIUM for a sensitive type, else LOW. */
    public static Severity changed(String type, Collection<String> changedAttributes) {
        if (!changedAttributes.isEmpty() && TAG_ATTRIBUTES.containsAll(changedAttributes)) {
            return Severity.INFO;
        }
        return sensitive(type) ? Severity.MEDIUM : Severity.LOW;
    }

    /** A MISSING resource: HIGH for a security control, else MEDIUM (something was deleted by hand). */
    public static Severity missing(String type) {
        return SECURITY_CONTROLS.contains(type) ? Severity.HIGH : Severity.MEDIUM;
    }

    /** An UNMANAGED resource: MEDIUM for a sensitive type, else LOW. */
    public static Severity unmanaged(String type) {
        return sensitive(type) ? Severity.MEDIUM : Severity.LOW;
    }

    /** Identity, network filtering, keys, resource policies, audit. */
    public static boolean sensitive(String type) {
        if (type == null) {
            return false;
        }
        if (type.endsWith("_policy")) {
            return true;
        }
        for (String prefix : SENSITIVE_PREFIXES) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
