package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.Set;

/** KMS keys and RDS databases (FIELD-NOTES §3.2 rules 25-29). */
final class KeyAndDatabaseRiskRules {

    static final String KEY = "aws_kms_key";
    private static final Set<String> ANY_KMS_ACTION = Set.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "kms:ScheduleKeyDeletion", "kms:PutKeyPolicy");
    private static final String[] DATABASES = {"aws_db_instance", "aws_rds_cluster"};

    private KeyAndDatabaseRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-KMS-001", Severity.MEDIUM, "KMS key rotation disabled")
                        .why("The key material is no longer rotated yearly: a leaked key stays useful longer.")
                        .fix("Turn rotation back on (enable_key_rotation = true, terraform apply).")
                        .onlyAsChange().refs("KMS.4", "CIS 3.6").on(KEY).reads("enable_key_rotation")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("enable_key_rotation"))
                                && symmetric(in)),
                rule("DD-KMS-002", Severity.HIGH, "KMS key disabled")
                        .why("Everything encrypted under the key can no longer be read: volumes, buckets, secrets.")
                        .fix("Enable the key (aws kms enable-key, or terraform apply with is_enabled = true).")
                        .refs("KMS.3").on(KEY).reads("is_enabled")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("is_enabled"))),
                rule("DD-KMS-003", Severity.CRITICAL, "KMS key deleted or scheduled for deletion")
                        .why("Once the waiting period ends, data encrypted under the key is lost for good.")
                        .fix("Cancel the deletion while the key is pending (aws kms cancel-key-deletion), then "
                                + "enable it.")
                        .refs("KMS.3").on(KEY).reads()
                        .failsWhen(RuleInput::absent),
                rule("DD-KMS-004", Severity.CRITICAL, "KMS key policy opened to anyone")
                        .why("Principal \"*\" without a condition lets any AWS account use or manage the key.")
                        .fix("Restore the key policy with terraform apply; name the principals.")
                        .refs().on(KEY).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnyone(ANY_KMS_ACTION)),
                rule("DD-KMS-005", Severity.HIGH, "KMS key policy grants another AWS account")
                        .why("Principals outside the key's account can use it to decrypt this account's data.")
                        .fix("Restore the key policy with terraform apply; if the grant is meant, add it to Terraform.")
                        .refs().on(KEY).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnotherAccount(in.account())),
                rule("DD-RDS-001", Severity.CRITICAL, "Database made publicly accessible")
                        .why("The database endpoint resolves to a public address: only its security group stands "
                                + "between it and the internet.")
                        .fix("Set publicly_accessible = false (terraform apply, or modify-db-instance).")
                        .refs("RDS.2", "CIS 2.3.3").on("aws_db_instance", "aws_rds_cluster_instance")
                        .reads("publicly_accessible")
                        .failsWhenPresentAnd(in -> Values.isTrue(in.get("publicly_accessible"))),
                rule("DD-RDS-002", Severity.LOW, "Database deletion protection turned off")
                        .why("One API call or a terraform destroy now deletes the database.")
                        .fix("Set deletion_protection = true again (terraform apply).")
                        .onlyAsChange().refs("RDS.7", "RDS.8").on(DATABASES).reads("deletion_protection")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("deletion_protection"))),
                rule("DD-RDS-003", Severity.MEDIUM, "Database automated backups turned off")
                        .why("With a retention of 0 days there is no point-in-time recovery.")
                        .fix("Set backup_retention_period back to the state's value (at least 7 days).")
                        .onlyAsChange().refs("RDS.11").on(DATABASES).reads("backup_retention_period")
                        .failsWhenPresentAnd(in -> Long.valueOf(0).equals(Values.number(in.get("backup_retention_period")))));
    }

    /** Only symmetric keys rotate; an unknown spec counts as symmetric (AWS's default). */
    private static boolean symmetric(RuleInput in) {
        Object spec = in.get("customer_master_key_spec");
        return spec == null || "SYMMETRIC_DEFAULT".equals(spec);
    }
}
