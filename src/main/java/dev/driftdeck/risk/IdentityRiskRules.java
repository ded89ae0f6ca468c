package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** IAM: admin policies and attachments, trust policies, privilege escalation (FIELD-NOTES §3.2 rules 21-24). */
final class IdentityRiskRules {

    static final String ADMIN_ARN_SUFFIX = ":iam::aws:policy/AdministratorAccess";
    private static final String[] POLICY_TYPES =
            {"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"};
    /** Actions that let a principal grant itself more (Rhino Security Labs' list, as Prowler checks it). */
    static final Set<String> ESCALATION_ACTIONS = Set.of(
            "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachUserPolicy",
            "iam:AttachRolePolicy", "iam:AttachGroupPolicy", "iam:PutUserPolicy", "iam:PutRolePolicy",
            "iam:PutGroupPolicy", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
            "iam:UpdateAssumeRolePolicy", "iam:AddUserToGroup", "iam:PassRole");
    private static final Set<String> ASSUME = Set.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity",
            "sts:AssumeRoleWithSAML");
    private static final String ATTACH_FIX = "Detach AdministratorAccess and grant only the actions the work needs; "
            + "if the attachment was meant, add it to Terraform so it is reviewed like any change.";
    private static final String POLICY_FIX = "Restore the policy document with terraform apply; grant named actions "
            + "on named resources.";

    private IdentityRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-IAM-001", Severity.CRITICAL, "Policy allows every action on every resource (\"*\" on \"*\")")
                        .why("Whoever holds this policy is a full administrator of the account.")
                        .fix(POLICY_FIX).refs("IAM.1", "CIS 1.16").on(POLICY_TYPES).reads("policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).allowsEverythingOnEverything()),
                rule("DD-IAM-002", Severity.CRITICAL, "AdministratorAccess attached to a user")
                        .why("A long-lived user credential now opens the whole account.")
                        .fix(ATTACH_FIX).refs("IAM.2").on("aws_iam_user_policy_attachment").reads("policy_arn")
                        .failsWhenPresentAnd(IdentityRiskRules::admin),
                rule("DD-IAM-003", Severity.HIGH, "AdministratorAccess attached to a role")
                        .why("Everyone and everything allowed to assume the role is a full administrator.")
                        .fix(ATTACH_FIX).refs().on("aws_iam_role_policy_attachment").reads("policy_arn")
                        .failsWhenPresentAnd(IdentityRiskRules::admin),
                rule("DD-IAM-004", Severity.HIGH, "AdministratorAccess attached to a group")
                        .why("Every member of the group, present and future, is a full administrator.")
                        .fix(ATTACH_FIX).refs().on("aws_iam_group_policy_attachment").reads("policy_arn")
                        .failsWhenPresentAnd(IdentityRiskRules::admin),
                rule("DD-IAM-005", Severity.CRITICAL, "Role trust policy lets anyone assume the role")
                        .why("Principal \"*\" without a condition: any AWS account can take the role's permissions.")
                        .fix("Restore the assume_role_policy with terraform apply; name the trusted principals.")
                        .refs().on("aws_iam_role").reads("assume_role_policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("assume_role_policy")).grantsAnyone(ASSUME)),
                rule("DD-IAM-006", Severity.HIGH, "Role trust policy now trusts another AWS account")
                        .why("Principals of an account outside this one can assume the role.")
                        .fix("Restore the assume_role_policy with terraform apply; if the trust is meant, add it to "
                                + "Terraform with an sts:ExternalId condition.")
                        .refs().on("aws_iam_role").reads("assume_role_policy")
                        .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("assume_role_policy"))
                                .grantsAnotherAccount(in.account())),
                rule("DD-IAM-007", Severity.HIGH, "Policy allows privilege-escalation actions")
                        .why("Actions such as iam:CreatePolicyVersion, iam:Attach*Policy or iam:PassRole let the "
                                + "holder grant itself more than the policy says.")
                        .fix(POLICY_FIX + " Scope iam:PassRole to named roles.")
                        .refs().on(POLICY_TYPES).reads("policy")
                        .failsWhenPresentAnd(escalates()),
                rule("DD-IAM-008", Severity.MEDIUM, "Permissions boundary removed")
                        .why("The ceiling on what the role or user may do is gone: its policies now apply in full.")
                        .fix("Restore permissions_boundary with terraform apply.")
                        .onlyAsChange().refs().on("aws_iam_role", "aws_iam_user").reads("permissions_boundary")
                        .failsWhenPresentAnd(in -> in.attributes().containsKey("permissions_boundary")
                                && Values.text(in.get("permissions_boundary")) == null));
    }

    private static boolean admin(RuleInput in) {
        String arn = Values.text(in.get("policy_arn"));
        return arn != null && arn.endsWith(ADMIN_ARN_SUFFIX);
    }

    private static Predicate<RuleInput> escalates() {
        return in -> PolicyDocument.of(in.get("policy")).allows().stream()
                .anyMatch(statement -> statement.allowsAnyOf(ESCALATION_ACTIONS));
    }
}
