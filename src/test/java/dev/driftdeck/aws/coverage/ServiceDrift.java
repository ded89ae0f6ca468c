package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** As {@link NetworkDrift}, for the application services: queues, topics, DNS, load balancing, data, compute. */
final class ServiceDrift {

    private ServiceDrift() {
    }

    static List<String> apply(CoverageFixture f) throws Exception {
        List<String> expected = new ArrayList<>();
        try (SqsClient sqs = MotoClients.of(SqsClient.builder()); SnsClient sns = MotoClients.of(SnsClient.builder())) {
            String queue0 = sqs.getQueueUrl(r -> r.queueName("queue-0")).queueUrl();
            sqs.setQueueAttributes(r -> r.queueUrl(queue0).attributesWithStrings(Map.of("VisibilityTimeout", "30")));
            expected.add("CHANGED aws_sqs_queue.q[0] visibility_timeout_seconds");
            sqs.deleteQueue(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName("queue-1")).queueUrl()));
            expected.add("MISSING aws_sqs_queue.q[1]");
            sqs.createQueue(r -> r.queueName("by-hand"));
            expected.add("UNMANAGED aws_sqs_queue arn:aws:sqs:us-east-1:" + MotoClients.ACCOUNT + ":by-hand");

            String topic0 = f.id("aws_sns_topic.t[0]");
            sns.setTopicAttributes(r -> r.topicArn(topic0).attributeName("DisplayName").attributeValue("edited"));
            expected.add("CHANGED aws_sns_topic.t[0] display_name");
            sns.deleteTopic(r -> r.topicArn(f.id("aws_sns_topic.t[1]")));
            expected.add("MISSING aws_sns_topic.t[1]");
            String topic = sns.createTopic(r -> r.name("by-hand")).topicArn();
            expected.add("UNMANAGED aws_sns_topic " + topic);
            sns.unsubscribe(r -> r.subscriptionArn(f.id("aws_sns_topic_subscription.s[1]")));
            expected.add("MISSING aws_sns_topic_subscription.s[1]");
            String subscription = sns.subscribe(r -> r.topicArn(topic0).protocol("sqs")
                    .endpoint("arn:aws:sqs:us-east-1:" + MotoClients.ACCOUNT + ":by-hand")).subscriptionArn();
            expected.add("UNMANAGED aws_sns_topic_subscription " + subscription);
        }
        try (CloudWatchLogsClient logs = MotoClients.of(CloudWatchLogsClient.builder())) {
            logs.putRetentionPolicy(r -> r.logGroupName("/app/group-0").retentionInDays(30));
            expected.add("CHANGED aws_cloudwatch_log_group.g[0] retention_in_days");
            logs.deleteLogGroup(r -> r.logGroupName("/app/group-1"));
            expected.add("MISSING aws_cloudwatch_log_group.g[1]");
            logs.createLogGroup(r -> r.logGroupName("/by-hand"));
            expected.add("UNMANAGED aws_cloudwatch_log_group /by-hand");
        }
        try (Route53Client route53 = MotoClients.global(Route53Client.builder())) {
            String zone0 = f.id("aws_route53_zone.z[0]");
            route53.updateHostedZoneComment(r -> r.id(zone0).comment("edited"));
            expected.add("CHANGED aws_route53_zone.z[0] comment");
            route53.deleteHostedZone(r -> r.id(f.id("aws_route53_zone.z[1]")));
            expected.add("MISSING aws_route53_zone.z[1]");
            String zone = route53.createHostedZone(r -> r.name("by-hand.example.com").callerReference("by-hand"))
                    .hostedZone().id().replace("/hostedzone/", "");
            expected.add("UNMANAGED aws_route53_zone " + zone);
            record(route53, zone0, ChangeAction.UPSERT, "www0.zone0.example.com", 60, "10.0.0.1");
            expected.add("CHANGED aws_route53_record.www[0] ttl");
            record(route53, zone0, ChangeAction.DELETE, "www1.zone0.example.com", 300, "10.0.0.2");
            expected.add("MISSING aws_route53_record.www[1]");
            record(route53, zone0, ChangeAction.CREATE, "api.zone0.example.com", 300, "10.0.0.9");
            expected.add("UNMANAGED aws_route53_record " + zone0 + "_api.zone0.example.com_A");
        }
        try (ElasticLoadBalancingV2Client elb = MotoClients.of(ElasticLoadBalancingV2Client.builder())) {
            elb.addTags(r -> r.resourceArns(f.id("aws_lb.alb[0]"), f.id("aws_lb_target_group.tg[0]"))
                    .tags(t -> t.key("Owner").value("by-hand")));
            expected.addAll(List.of("CHANGED aws_lb.alb[0] tags.Owner", "CHANGED aws_lb_target_group.tg[0] tags.Owner"));
            elb.modifyListener(r -> r.listenerArn(f.id("aws_lb_listener.http[0]")).port(8000)
                    .defaultActions(a -> a.type("fixed-response").fixedResponseConfig(c -> c.statusCode("503")
                            .contentType("text/plain"))));
            expected.addAll(List.of("CHANGED aws_lb_listener.http[0] port", "CHANGED aws_lb_listener.http[0] default_action"));
            elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(f.id("aws_lb.alb[0]"))
                    .attributes(a -> a.key("routing.http.drop_invalid_header_fields.enabled").value("false")));
            expected.add("CHANGED aws_lb.alb[0] drop_invalid_header_fields");
            elb.modifyTargetGroupAttributes(r -> r.targetGroupArn(f.id("aws_lb_target_group.tg[0]"))
                    .attributes(a -> a.key("stickiness.enabled").value("false")));
            elb.modifyTargetGroup(r -> r.targetGroupArn(f.id("aws_lb_target_group.tg[0]")).healthCheckPath("/"));
            expected.addAll(List.of("CHANGED aws_lb_target_group.tg[0] stickiness",
                    "CHANGED aws_lb_target_group.tg[0] health_check"));
            elb.deleteListener(r -> r.listenerArn(f.id("aws_lb_listener.http[1]")));
            expected.add("MISSING aws_lb_listener.http[1]");
            elb.deleteLoadBalancer(r -> r.loadBalancerArn(f.id("aws_lb.alb[1]")));
            expected.add("MISSING aws_lb.alb[1]");
            elb.deleteTargetGroup(r -> r.targetGroupArn(f.id("aws_lb_target_group.tg[1]")));
            expected.add("MISSING aws_lb_target_group.tg[1]");
            String group = elb.createTargetGroup(r -> r.name("by-hand").port(80).protocol("HTTP")
                    .vpcId(f.id("aws_vpc.main[0]"))).targetGroups().getFirst().targetGroupArn();
            expected.add("UNMANAGED aws_lb_target_group " + group);
            String balancer = elb.createLoadBalancer(r -> r.name("by-hand")
                    .subnets(f.id("aws_subnet.a[0]"), f.id("aws_subnet.a[1]"))).loadBalancers().getFirst().loadBalancerArn();
            expected.add("UNMANAGED aws_lb " + balancer);
            String listener = elb.createListener(r -> r.loadBalancerArn(f.id("aws_lb.alb[0]")).port(9000).protocol("HTTP")
                    .defaultActions(a -> a.type("forward").targetGroupArn(group))).listeners().getFirst().listenerArn();
            expected.add("UNMANAGED aws_lb_listener " + listener);
            String rule = f.id("aws_lb_listener_rule.api");
            elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(rule).priority(20)));
            expected.add("CHANGED aws_lb_listener_rule.api priority");
            String byHand = elb.createRule(r -> r.listenerArn(f.id("aws_lb_listener.http[0]")).priority(30)
                    .conditions(c -> c.field("path-pattern").values("/by-hand/*"))
                    .actions(a -> a.type("forward").targetGroupArn(f.id("aws_lb_target_group.tg[0]"))))
                    .rules().getFirst().ruleArn();
            expected.add("UNMANAGED aws_lb_listener_rule " + byHand);
            elb.deregisterTargets(r -> r.targetGroupArn(f.id("aws_lb_target_group.tg[0]"))
                    .targets(t -> t.id(f.id("aws_instance.web[0]"))));
            expected.add("MISSING aws_lb_target_group_attachment.web");
        }
        try (DynamoDbClient dynamo = MotoClients.of(DynamoDbClient.builder())) {
            dynamo.updateTable(r -> r.tableName("table-0").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
            // Provisioned at 1/1: the capacities move with the billing mode (0 on demand).
            expected.addAll(List.of("CHANGED aws_dynamodb_table.t[0] billing_mode",
                    "CHANGED aws_dynamodb_table.t[0] read_capacity", "CHANGED aws_dynamodb_table.t[0] write_capacity"));
            dynamo.updateContinuousBackups(r -> r.tableName("table-0")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
            expected.add("CHANGED aws_dynamodb_table.t[0] point_in_time_recovery");
            dynamo.deleteTable(r -> r.tableName("table-1"));
            expected.add("MISSING aws_dynamodb_table.t[1]");
            dynamo.createTable(r -> r.tableName("by-hand").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("k").attributeType("S"))
                    .keySchema(k -> k.attributeName("k").keyType("HASH")));
            expected.add("UNMANAGED aws_dynamodb_table by-hand");
        }
        try (RdsClient rds = MotoClients.of(RdsClient.builder())) {
            rds.modifyDBInstance(r -> r.dbInstanceIdentifier("orders").publiclyAccessible(true).applyImmediately(true));
            expected.add("CHANGED aws_db_instance.d publicly_accessible");
            // No subnet group edit: moto 5.2.1's ModifyDBSubnetGroup loses the group. A tag shows instead.
            rds.addTagsToResource(r -> r.resourceName(f.attribute("aws_db_subnet_group.db[0]", "arn"))
                    .tags(t -> t.key("Owner").value("by-hand")));
            expected.add("CHANGED aws_db_subnet_group.db[0] tags.Owner");
            rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("db-1"));
            expected.add("MISSING aws_db_subnet_group.db[1]");
            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("by-hand").dbSubnetGroupDescription("by hand")
                    .subnetIds(f.id("aws_subnet.a[0]"), f.id("aws_subnet.a[1]")));
            expected.add("UNMANAGED aws_db_subnet_group by-hand");
        }
        try (EcrClient ecr = MotoClients.of(EcrClient.builder()); EcsClient ecs = MotoClients.of(EcsClient.builder())) {
            ecr.putImageTagMutability(r -> r.repositoryName("repo-0").imageTagMutability(ImageTagMutability.MUTABLE));
            expected.add("CHANGED aws_ecr_repository.r[0] image_tag_mutability");
            ecr.putImageScanningConfiguration(r -> r.repositoryName("repo-0").imageScanningConfiguration(c -> c.scanOnPush(false)));
            expected.add("CHANGED aws_ecr_repository.r[0] image_scanning_configuration");
            ecr.deleteRepository(r -> r.repositoryName("repo-1"));
            expected.add("MISSING aws_ecr_repository.r[1]");
            ecr.createRepository(r -> r.repositoryName("by-hand"));
            expected.add("UNMANAGED aws_ecr_repository by-hand");
            ecs.tagResource(r -> r.resourceArn(f.id("aws_ecs_cluster.c[0]")).tags(t -> t.key("Owner").value("by-hand")));
            expected.add("CHANGED aws_ecs_cluster.c[0] tags.Owner");
            // UpdateCluster: moto 5.2.1 answers UpdateClusterSettings with a 500.
            ecs.updateCluster(r -> r.cluster(f.id("aws_ecs_cluster.c[0]")).settings(s -> s.name("containerInsights")
                    .value("disabled")));
            expected.add("CHANGED aws_ecs_cluster.c[0] setting");
            ecs.deleteCluster(r -> r.cluster(f.id("aws_ecs_cluster.c[1]")));
            expected.add("MISSING aws_ecs_cluster.c[1]");
            String cluster = ecs.createCluster(r -> r.clusterName("by-hand")).cluster().clusterArn();
            expected.add("UNMANAGED aws_ecs_cluster " + cluster);
        }
        try (LambdaClient lambda = MotoClients.of(LambdaClient.builder())) {
            lambda.updateFunctionConfiguration(r -> r.functionName("fn-0").timeout(20)
                    .environment(e -> e.variables(Map.of("MODE", "prod", "API_TOKEN", "rotated-token"))));
            expected.addAll(List.of("CHANGED aws_lambda_function.f[0] timeout",
                    "CHANGED aws_lambda_function.f[0] environment"));
            lambda.deleteFunction(r -> r.functionName("fn-1"));
            expected.add("MISSING aws_lambda_function.f[1]");
            byte[] zip = Files.readAllBytes(Path.of("fixtures/terraform/coverage/noop.zip"));
            lambda.createFunction(r -> r.functionName("by-hand").runtime("python3.12").handler("index.handler")
                    .role(f.attribute("aws_iam_role.app[0]", "arn")).code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
            expected.add("UNMANAGED aws_lambda_function by-hand");
            lambda.removePermission(r -> r.functionName("fn-0").statementId("AllowSns1"));
            expected.add("MISSING aws_lambda_permission.sns[1]");
            lambda.addPermission(r -> r.functionName("fn-0").statementId("ByHand").action("lambda:InvokeFunction")
                    .principal("events.amazonaws.com"));
            expected.add("UNMANAGED aws_lambda_permission fn-0/ByHand");
        }
        messagingSecurity(f, expected);
        return expected;
    }

    /** Encryption, access policies and delivery settings of queues, topics and subscriptions, as changed in the console. */
    private static void messagingSecurity(CoverageFixture f, List<String> expected) {
        String anyone = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        try (SqsClient sqs = MotoClients.of(SqsClient.builder()); SnsClient sns = MotoClients.of(SnsClient.builder())) {
            String queue0 = sqs.getQueueUrl(r -> r.queueName("queue-0")).queueUrl();
            sqs.setQueueAttributes(r -> r.queueUrl(queue0).attributesWithStrings(Map.of(
                    "SqsManagedSseEnabled", "false", "MessageRetentionPeriod", "60", "Policy", anyone)));
            expected.addAll(List.of("CHANGED aws_sqs_queue.q[0] sqs_managed_sse_enabled",
                    "CHANGED aws_sqs_queue.q[0] message_retention_seconds", "CHANGED aws_sqs_queue.q[0] policy"));
            String topic0 = f.id("aws_sns_topic.t[0]");
            sns.setTopicAttributes(r -> r.topicArn(topic0).attributeName("KmsMasterKeyId").attributeValue("alias/aws/sns"));
            sns.setTopicAttributes(r -> r.topicArn(topic0).attributeName("Policy").attributeValue(anyone));
            expected.addAll(List.of("CHANGED aws_sns_topic.t[0] kms_master_key_id", "CHANGED aws_sns_topic.t[0] policy"));
            String subscription0 = f.id("aws_sns_topic_subscription.s[0]");
            sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription0).attributeName("RawMessageDelivery")
                    .attributeValue("true"));
            // AWS answers the default scope (MessageAttributes) once a filter policy is set: refresh-only shows both.
            sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription0).attributeName("FilterPolicy")
                    .attributeValue("{\"event\":[\"order\"]}"));
            expected.addAll(List.of("CHANGED aws_sns_topic_subscription.s[0] raw_message_delivery",
                    "CHANGED aws_sns_topic_subscription.s[0] filter_policy",
                    "CHANGED aws_sns_topic_subscription.s[0] filter_policy_scope"));
        }
    }

    private static void record(Route53Client route53, String zone, ChangeAction action, String name, long ttl,
                               String value) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(c -> c.action(action)
                .resourceRecordSet(s -> s.name(name).type(RRType.A).ttl(ttl).resourceRecords(v -> v.value(value))))));
    }
}
