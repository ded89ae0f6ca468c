package dev.driftdeck.risk;

import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.Set;

/** Queue, topic and container registry policies made public or shared (FIELD-NOTES §3.2 rule 32). */
final class MessagingRiskRules {

    private static final Set<String> SQS = Set.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
            "sqs:PurgeQueue", "sqs:SetQueueAttributes");
    private static final Set<String> SNS = Set.of("sns:Publish", "sns:Subscribe", "sns:SetTopicAttributes",
            "sns:DeleteTopic");
    private static final Set<String> ECR = Set.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:PutImage", "ecr:BatchDeleteImage", "ecr:SetRepositoryPolicy");
    private static final String FIX = "Restore the policy with terraform apply; grant named principals, or add an "
            + "aws:SourceArn / aws:SourceAccount condition for AWS services.";

    private MessagingRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                open("DD-SQS-001", Severity.CRITICAL, "Queue policy lets anyone send or receive",
                        "Anyone can read, delete or inject messages.", "SQS.3", "aws_sqs_queue_policy", SQS),
                shared("DD-SQS-002", "Queue policy grants another AWS account", "aws_sqs_queue_policy"),
                open("DD-SNS-001", Severity.HIGH, "Topic policy lets anyone publish or subscribe",
                        "Anyone can publish to subscribers or subscribe to the messages.", "SNS.4",
                        "aws_sns_topic_policy", SNS),
                shared("DD-SNS-002", "Topic policy grants another AWS account", "aws_sns_topic_policy"),
                open("DD-ECR-001", Severity.CRITICAL, "Repository policy lets anyone pull or push images",
                        "Anyone can download the images (and the secrets baked into them) or replace them.", null,
                        "aws_ecr_repository_policy", ECR),
                shared("DD-ECR-002", "Repository policy grants another AWS account", "aws_ecr_repository_policy"));
    }

    private static RiskRule open(String id, Severity severity, String title, String why, String ref, String type,
                                 Set<String> actions) {
        return rule(id, severity, title).why(why).fix(FIX).refs(ref == null ? new String[0] : new String[]{ref})
                .on(type).reads("policy")
                .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnyone(actions));
    }

    private static RiskRule shared(String id, String title, String type) {
        return rule(id, Severity.MEDIUM, title)
                .why("Principals outside the resource's account can use it.").fix(FIX).refs()
                .on(type).reads("policy")
                .failsWhenPresentAnd(in -> PolicyDocument.of(in.get("policy")).grantsAnotherAccount(in.account()));
    }
}
