package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;

/** CloudTrail (FIELD-NOTES §3.2 rule 30). */
final class AuditRiskRules {

    static final String TRAIL = "aws_cloudtrail";

    private AuditRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-CT-001", Severity.HIGH, "CloudTrail trail deleted")
                        .why("API activity is no longer recorded: who did what in the account cannot be traced.")
                        .fix("Recreate the trail with terraform apply and look for what happened while it was gone.")
                        .refs("CloudTrail.1", "CIS 3.1").on(TRAIL).reads()
                        .failsWhen(RuleInput::absent),
                rule("DD-CT-002", Severity.HIGH, "CloudTrail logging stopped")
                        .why("The trail exists but records nothing: a classic first step of an intruder.")
                        .fix("Start logging again (aws cloudtrail start-logging, or terraform apply).")
                        .refs("CloudTrail.1", "CIS 3.1").on(TRAIL).reads("enable_logging")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("enable_logging"))),
                rule("DD-CT-003", Severity.HIGH, "CloudTrail trail no longer multi-region")
                        .why("Activity in every other region goes unrecorded.")
                        .fix("Set is_multi_region_trail = true again (terraform apply).")
                        .refs("CloudTrail.1", "CIS 3.1").on(TRAIL).reads("is_multi_region_trail")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("is_multi_region_trail"))),
                rule("DD-CT-004", Severity.MEDIUM, "CloudTrail logs no longer encrypted with KMS")
                        .why("The log files are readable by anyone who can read the bucket.")
                        .fix("Restore kms_key_id on the trail (terraform apply).")
                        .onlyAsChange().refs("CloudTrail.2", "CIS 3.5").on(TRAIL).reads("kms_key_id")
                        .failsWhenPresentAnd(in -> in.attributes().containsKey("kms_key_id")
                                && Values.text(in.get("kms_key_id")) == null),
                rule("DD-CT-005", Severity.LOW, "CloudTrail log file validation turned off")
                        .why("Tampering with delivered log files can no longer be detected.")
                        .fix("Set enable_log_file_validation = true again (terraform apply).")
                        .onlyAsChange().refs("CloudTrail.4", "CIS 3.2").on(TRAIL).reads("enable_log_file_validation")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("enable_log_file_validation"))));
    }
}
