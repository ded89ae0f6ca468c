package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.Map;

/** EC2 instances, EBS, Lambda and EKS (FIELD-NOTES §3.2 rules 8-10, 31, 32). */
final class ComputeRiskRules {

    private ComputeRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-EC2-001", Severity.HIGH, "Instance no longer requires IMDSv2")
                        .why("With IMDSv1 allowed, a server-side request forgery in the application can read the "
                                + "instance role's credentials.")
                        .fix("Set metadata_options http_tokens = \"required\" again (terraform apply, or "
                                + "aws ec2 modify-instance-metadata-options).")
                        .refs("EC2.8", "CIS 5.6").on("aws_instance", "aws_launch_template").reads("metadata_options")
                        .failsWhenPresentAnd(ComputeRiskRules::imdsV1Allowed),
                rule("DD-EC2-002", Severity.HIGH, "Instance gained a public IP address")
                        .why("The instance is now addressable from the internet; its security groups are all "
                                + "that is left.")
                        .fix("Put the instance back in a private subnet or relaunch it without a public address "
                                + "(associate_public_ip_address = false).")
                        .refs("EC2.9").on("aws_instance").reads("associate_public_ip_address")
                        .failsWhenPresentAnd(in -> Values.isTrue(in.get("associate_public_ip_address"))),
                rule("DD-EC2-003", Severity.MEDIUM, "EBS encryption by default turned off")
                        .why("New volumes in the region are created unencrypted unless each one asks otherwise.")
                        .fix("Turn it back on (aws ec2 enable-ebs-encryption-by-default, or terraform apply).")
                        .refs("EC2.7").on("aws_ebs_encryption_by_default").reads("enabled")
                        .failsWhenPresentAnd(in -> Values.isFalse(in.get("enabled"))),
                rule("DD-LAMBDA-001", Severity.CRITICAL, "Lambda function callable by anyone")
                        .why("A permission with principal \"*\" and no source condition lets any account invoke it.")
                        .fix("Remove the permission (aws lambda remove-permission) or add source_arn / "
                                + "source_account; restore the state's permissions with terraform apply.")
                        .refs("Lambda.1").on("aws_lambda_permission")
                        .reads("principal", "source_arn", "source_account", "principal_org_id")
                        .failsWhenPresentAnd(in -> "*".equals(in.get("principal"))
                                && Values.text(in.get("source_arn")) == null
                                && Values.text(in.get("source_account")) == null
                                && Values.text(in.get("principal_org_id")) == null),
                rule("DD-LAMBDA-002", Severity.HIGH, "Lambda function URL without authentication")
                        .why("authorization_type NONE: anyone who finds the URL can call the function.")
                        .fix("Set authorization_type = \"AWS_IAM\" again (terraform apply).")
                        .refs().on("aws_lambda_function_url").reads("authorization_type")
                        .failsWhenPresentAnd(in -> "NONE".equals(in.get("authorization_type"))),
                rule("DD-EKS-001", Severity.HIGH, "EKS API endpoint public to the whole internet")
                        .why("The Kubernetes API answers from anywhere; one leaked token is enough.")
                        .fix("Turn the public endpoint off or restrict public_access_cidrs to known networks.")
                        .refs("EKS.1").on("aws_eks_cluster").reads("vpc_config")
                        .failsWhenPresentAnd(ComputeRiskRules::eksOpen));
    }

    private static boolean imdsV1Allowed(RuleInput in) {
        Map<String, Object> options = Values.firstBlock(in.get("metadata_options"));
        return "optional".equals(options.get("http_tokens")) && !"disabled".equals(options.get("http_endpoint"));
    }

    private static boolean eksOpen(RuleInput in) {
        Map<String, Object> config = Values.firstBlock(in.get("vpc_config"));
        List<String> cidrs = Values.strings(config.get("public_access_cidrs"));
        return Values.isTrue(config.get("endpoint_public_access")) && (cidrs.isEmpty() || cidrs.contains("0.0.0.0/0"));
    }
}
