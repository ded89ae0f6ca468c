package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * What an operator does in the console to the {@code fixtures/terraform/events} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class EventsFamilyDrift {

    private static final String ACCOUNT = MotoClients.ACCOUNT;
    private static final String TEMPLATE = "{\"Parameters\":{\"Stage\":{\"Type\":\"String\"}},"
            + "\"Resources\":{\"Handle\":{\"Type\":\"AWS::CloudFormation::WaitConditionHandle\"}}}";

    private EventsFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        eventBridge(f, expected);
        documentsAndSecrets(f, expected);
        lambda(f, expected);
        trailAndStacks(f, expected);
        return expected;
    }

    private static void eventBridge(CoverageFixture f, List<String> expected) {
        try (EventBridgeClient events = MotoClients.of(EventBridgeClient.builder())) {
            events.tagResource(r -> r.resourceARN(f.attribute("aws_cloudwatch_event_bus.bus", "arn"))
                    .tags(t -> t.key("Team").value("ops")));
            expected.add("CHANGED aws_cloudwatch_event_bus.bus tags.Team");
            events.createEventBus(r -> r.name("events-by-hand"));
            expected.add("UNMANAGED aws_cloudwatch_event_bus events-by-hand");

            events.disableRule(r -> r.eventBusName("events-bus").name("events-rule-0"));
            expected.addAll(List.of("CHANGED aws_cloudwatch_event_rule.r[0] state",
                    "CHANGED aws_cloudwatch_event_rule.r[0] is_enabled"));
            events.removeTargets(r -> r.rule("events-rule-1").ids("queue"));
            events.deleteRule(r -> r.name("events-rule-1"));
            expected.addAll(List.of("MISSING aws_cloudwatch_event_rule.r[1]", "MISSING aws_cloudwatch_event_target.t[1]"));
            events.putRule(r -> r.eventBusName("events-bus").name("by-hand").eventPattern("{\"source\":[\"by-hand\"]}"));
            expected.add("UNMANAGED aws_cloudwatch_event_rule events-bus/by-hand");

            String queue0 = f.attribute("aws_cloudwatch_event_target.t[0]", "arn");
            String queue1 = f.attribute("aws_cloudwatch_event_target.t[1]", "arn");
            events.putTargets(r -> r.eventBusName("events-bus").rule("events-rule-0").targets(t -> t.id("queue")
                    .arn(queue0).input("{\"kind\":\"refund\"}")
                    .retryPolicy(p -> p.maximumEventAgeInSeconds(3600).maximumRetryAttempts(5))
                    .deadLetterConfig(d -> d.arn(queue1))));
            expected.add("CHANGED aws_cloudwatch_event_target.t[0] input");
            events.putTargets(r -> r.eventBusName("events-bus").rule("events-rule-0")
                    .targets(t -> t.id("by-hand").arn(queue1)));
            expected.add("UNMANAGED aws_cloudwatch_event_target events-bus/events-rule-0/by-hand");
        }
    }

    private static void documentsAndSecrets(CoverageFixture f, List<String> expected) {
        try (SsmClient ssm = MotoClients.of(SsmClient.builder());
             SecretsManagerClient secrets = MotoClients.of(SecretsManagerClient.builder())) {
            String content = "{\"schemaVersion\":\"2.2\",\"description\":\"edited\",\"mainSteps\":[{\"action\":"
                    + "\"aws:runShellScript\",\"name\":\"hello\",\"inputs\":{\"runCommand\":[\"echo edited\"]}}]}";
            ssm.updateDocument(r -> r.name("events-doc-0").content(content).documentVersion("$LATEST"));
            expected.add("CHANGED aws_ssm_document.d[0] content");
            ssm.deleteDocument(r -> r.name("events-doc-1"));
            expected.add("MISSING aws_ssm_document.d[1]");
            ssm.createDocument(r -> r.name("events-doc-by-hand").documentType("Command").content(content));
            expected.add("UNMANAGED aws_ssm_document events-doc-by-hand");

            // A value set by hand: a new version takes AWSCURRENT, the managed one keeps only AWSPREVIOUS.
            String secret0 = f.attribute("aws_secretsmanager_secret.s[0]", "arn");
            String version = secrets.putSecretValue(r -> r.secretId(secret0).secretString("by-hand-value")).versionId();
            expected.addAll(List.of("CHANGED aws_secretsmanager_secret_version.v[0] version_stages",
                    "UNMANAGED aws_secretsmanager_secret_version " + secret0 + "|" + version));
            secrets.deleteSecret(r -> r.secretId(f.attribute("aws_secretsmanager_secret.s[1]", "arn"))
                    .forceDeleteWithoutRecovery(true));
            expected.addAll(List.of("MISSING aws_secretsmanager_secret.s[1]",
                    "MISSING aws_secretsmanager_secret_version.v[1]"));
            // A secret made by hand is one UNMANAGED secret: its versions are its own business.
            String byHand = secrets.createSecret(r -> r.name("events-secret-by-hand").secretString("by-hand-value")).arn();
            expected.add("UNMANAGED aws_secretsmanager_secret " + byHand);
        }
    }

    private static void lambda(CoverageFixture f, List<String> expected) {
        try (LambdaClient lambda = MotoClients.of(LambdaClient.builder())) {
            lambda.updateAlias(r -> r.functionName("events-fn-0").name("alias-0").description("edited"));
            expected.add("CHANGED aws_lambda_alias.a[0] description");
            lambda.deleteAlias(r -> r.functionName("events-fn-0").name("alias-1"));
            expected.add("MISSING aws_lambda_alias.a[1]");
            lambda.createAlias(r -> r.functionName("events-fn-0").name("by-hand").functionVersion("1"));
            expected.add("UNMANAGED aws_lambda_alias arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:events-fn-0:by-hand");

            lambda.updateFunctionUrlConfig(r -> r.functionName("events-fn-0").authType(FunctionUrlAuthType.NONE));
            expected.add("CHANGED aws_lambda_function_url.u[0] authorization_type");
            lambda.deleteFunctionUrlConfig(r -> r.functionName("events-fn-1"));
            expected.add("MISSING aws_lambda_function_url.u[1]");
            lambda.createFunctionUrlConfig(r -> r.functionName("events-fn-2").authType(FunctionUrlAuthType.AWS_IAM));
            expected.add("UNMANAGED aws_lambda_function_url events-fn-2");

            lambda.updateEventSourceMapping(r -> r.uuid(f.id("aws_lambda_event_source_mapping.e[0]")).batchSize(7));
            expected.add("CHANGED aws_lambda_event_source_mapping.e[0] batch_size");
            lambda.deleteEventSourceMapping(r -> r.uuid(f.id("aws_lambda_event_source_mapping.e[1]")));
            expected.add("MISSING aws_lambda_event_source_mapping.e[1]");
            String mapping = lambda.createEventSourceMapping(r -> r.functionName("events-fn-1")
                    .eventSourceArn(f.attribute("aws_sqs_queue.q[1]", "arn"))).uuid();
            expected.add("UNMANAGED aws_lambda_event_source_mapping " + mapping);
        }
    }

    private static void trailAndStacks(CoverageFixture f, List<String> expected) {
        try (CloudTrailClient cloudTrail = MotoClients.of(CloudTrailClient.builder());
             CloudFormationClient cloudFormation = MotoClients.of(CloudFormationClient.builder())) {
            cloudTrail.startLogging(r -> r.name("events-trail"));
            expected.add("CHANGED aws_cloudtrail.trail enable_logging");
            cloudTrail.updateTrail(r -> r.name("events-trail").s3KeyPrefix("elsewhere"));
            expected.add("CHANGED aws_cloudtrail.trail s3_key_prefix");
            String trail = cloudTrail.createTrail(r -> r.name("events-trail-by-hand").s3BucketName("events-trail-logs"))
                    .trailARN();
            expected.add("UNMANAGED aws_cloudtrail " + trail);

            cloudFormation.updateStack(r -> r.stackName("events-stack-0").templateBody(TEMPLATE)
                    .parameters(p -> p.parameterKey("Stage").parameterValue("dev")));
            expected.add("CHANGED aws_cloudformation_stack.s[0] parameters.Stage");
            cloudFormation.deleteStack(r -> r.stackName("events-stack-1"));
            expected.add("MISSING aws_cloudformation_stack.s[1]");
            String stack = cloudFormation.createStack(r -> r.stackName("events-stack-by-hand").templateBody(TEMPLATE)
                    .parameters(p -> p.parameterKey("Stage").parameterValue("test"))).stackId();
            expected.add("UNMANAGED aws_cloudformation_stack " + stack);
        }
    }
}
