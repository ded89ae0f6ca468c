package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.state.Sensitive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The mappings of fields moto 5.2.1 does not return (or returns differently from AWS), in the shapes the AWS API
 * reference documents, reconciled with states shaped as provider 5.100.0 writes them: no false drift, and the
 * change an operator makes in the console shows. The everyday fields are proven end to end by CoverageTest.
 */
class AppDepthShapesTest {

    private static final String LISTENER_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1/2";
    private static final String LB_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/1";
    private static final String TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/3";

    @Test
    void aSingleTargetGroupIsComparedInTheFormTheConfigurationUsed() {
        // Real AWS returns a forward action both as TargetGroupArn and as a forward configuration.
        Listener live = Listener.builder().listenerArn(LISTENER_ARN).loadBalancerArn(LB_ARN).port(443).protocol("HTTPS")
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                .mutualAuthentication(m -> m.mode("off"))
                .defaultActions(Action.builder().type("forward").order(1).targetGroupArn(TG_ARN)
                        .forwardConfig(f -> f.targetGroups(t -> t.targetGroupArn(TG_ARN).weight(1))
                                .targetGroupStickinessConfig(s -> s.enabled(false))).build())
                .build();
        Map<String, Object> byArn = listenerState("ELBSecurityPolicy-TLS13-1-2-2021-06", List.of(Map.of(
                "type", "forward", "order", 1, "target_group_arn", TG_ARN, "forward", List.of(),
                "fixed_response", List.of(), "redirect", List.of(), "authenticate_cognito", List.of(),
                "authenticate_oidc", List.of())));
        Map<String, Object> byForwardBlock = listenerState("ELBSecurityPolicy-TLS13-1-2-2021-06", List.of(Map.of(
                "type", "forward", "order", 1, "target_group_arn", "", "fixed_response", List.of(),
                "redirect", List.of(), "authenticate_cognito", List.of(), "authenticate_oidc", List.of(),
                "forward", List.of(Map.of("target_group", List.of(Map.of("arn", TG_ARN, "weight", 1)),
                        "stickiness", List.of(Map.of("duration", 0, "enabled", false)))))));
        Map<String, Object> olderPolicy = new HashMap<>(byArn);
        olderPolicy.put("ssl_policy", "ELBSecurityPolicy-2016-08");

        assertThat(status("aws_lb_listener", LISTENER_ARN, byArn, ctx -> LoadBalancerShapes.listener(ctx, live)))
                .isEqualTo("IN_SYNC");
        assertThat(status("aws_lb_listener", LISTENER_ARN, byForwardBlock, ctx -> LoadBalancerShapes.listener(ctx, live)))
                .isEqualTo("IN_SYNC");
        assertThat(status("aws_lb_listener", LISTENER_ARN, olderPolicy, ctx -> LoadBalancerShapes.listener(ctx, live)))
                .isEqualTo("CHANGED ssl_policy");
    }

    @Test
    void aBalancerSettingAwsDoesNotReportForItsKindKeepsTheStatesValue() {
        LoadBalancer nlb = LoadBalancer.builder().loadBalancerArn(LB_ARN).loadBalancerName("nlb").type("network")
                .scheme("internal").ipAddressType("ipv4").build();
        // An NLB has no idle timeout or HTTP settings; the provider still writes their defaults.
        Map<String, String> attributes = Map.of("deletion_protection.enabled", "true",
                "load_balancing.cross_zone.enabled", "false", "access_logs.s3.enabled", "false",
                "dns_record.client_routing_policy", "any_availability_zone");
        Map<String, Object> state = new HashMap<>(Map.of("name", "nlb", "load_balancer_type", "network",
                "internal", true, "ip_address_type", "ipv4", "idle_timeout", 60, "enable_http2", true,
                "enable_deletion_protection", true, "enable_cross_zone_load_balancing", false,
                "dns_record_client_routing_policy", "any_availability_zone",
                "access_logs", List.of(Map.of("bucket", "", "enabled", false, "prefix", ""))));

        assertThat(status("aws_lb", LB_ARN, state, ctx -> LoadBalancerShapes.balancer(ctx, nlb, attributes)))
                .isEqualTo("IN_SYNC");
        state.put("enable_deletion_protection", false);
        assertThat(status("aws_lb", LB_ARN, state, ctx -> LoadBalancerShapes.balancer(ctx, nlb, attributes)))
                .isEqualTo("CHANGED enable_deletion_protection");
    }

    @Test
    void aCookieDurationAwsDoesNotReturnIsTheZeroTheProviderWrites() {
        // moto 5.2.1 returns no stickiness.lb_cookie.duration_seconds; the provider then writes 0 (and the cookie
        // name only an app_cookie has as ""), and refresh-only calls that no change.
        TargetGroup group = TargetGroup.builder().targetGroupArn(TG_ARN).targetGroupName("web").port(80)
                .protocol("HTTP").targetType("instance").vpcId("vpc-1").build();
        Map<String, String> attributes = Map.of("stickiness.enabled", "false", "stickiness.type", "lb_cookie");
        Map<String, Object> state = new HashMap<>(Map.of("name", "web", "port", 80, "protocol", "HTTP",
                "target_type", "instance", "vpc_id", "vpc-1", "stickiness", List.of(Map.of(
                        "cookie_duration", 0, "cookie_name", "", "enabled", false, "type", "lb_cookie"))));

        assertThat(status("aws_lb_target_group", TG_ARN, state, ctx -> LoadBalancerShapes.targetGroup(ctx, group, attributes)))
                .isEqualTo("IN_SYNC");
        state.put("stickiness", List.of(Map.of("cookie_duration", 0, "cookie_name", "", "enabled", true,
                "type", "lb_cookie")));
        assertThat(status("aws_lb_target_group", TG_ARN, state, ctx -> LoadBalancerShapes.targetGroup(ctx, group, attributes)))
                .isEqualTo("CHANGED stickiness");
    }

    @Test
    void environmentValuesAreComparedAsFingerprintsAndNeverKept() {
        FunctionConfiguration function = FunctionConfiguration.builder().functionName("fn")
                .environment(e -> e.variables(Map.of("DB_PASSWORD", "rotated-by-hand")))
                .loggingConfig(l -> l.logFormat("Text").logGroup("/aws/lambda/fn"))
                .snapStart(s -> s.applyOn("None")).tracingConfig(t -> t.mode("PassThrough")).build();
        Map<String, Object> state = Map.of(
                "environment", List.of(Map.of("variables", Map.of("DB_PASSWORD", Sensitive.fingerprint("from-terraform")))),
                "logging_config", List.of(Map.of("application_log_level", "", "log_format", "Text",
                        "log_group", "/aws/lambda/fn", "system_log_level", "")),
                "snap_start", List.of(), "tracing_config", List.of(Map.of("mode", "PassThrough")));

        Map<String, Object> live = LambdaShapes.configuration(function);

        assertThat(live.toString()).doesNotContain("rotated-by-hand");
        assertThat(status("aws_lambda_function", "fn", state, ctx -> {
            Attributes attributes = Attributes.of();
            live.forEach(attributes::put);
            return attributes;
        })).isEqualTo("CHANGED environment");
    }

    @Test
    void tableEncryptionWithAwssOwnKeyIsWrittenWithoutAKey() {
        String awsKey = "arn:aws:kms:us-east-1:123456789012:key/aws-dynamodb";
        String customerKey = "arn:aws:kms:us-east-1:123456789012:key/mine";
        TableDescription awsManaged = TableDescription.builder().tableName("t")
                .sseDescription(SSEDescription.builder().status("ENABLED").sseType("KMS").kmsMasterKeyArn(awsKey).build())
                .build();
        TableDescription customer = awsManaged.toBuilder()
                .sseDescription(SSEDescription.builder().status("ENABLED").sseType("KMS").kmsMasterKeyArn(customerKey).build())
                .build();
        ContinuousBackupsDescription backups = ContinuousBackupsDescription.builder()
                .pointInTimeRecoveryDescription(p -> p.pointInTimeRecoveryStatus("ENABLED").recoveryPeriodInDays(7)).build();

        assertThat(DynamoDbTables.attributes(awsManaged, backups, null, () -> awsKey).build())
                .containsEntry("server_side_encryption", List.of(Map.of("enabled", true, "kms_key_arn", "")))
                .containsEntry("point_in_time_recovery", List.of(Map.of("enabled", true, "recovery_period_in_days", 7)))
                .containsEntry("ttl", List.of(Map.of("attribute_name", "", "enabled", false)));
        assertThat(DynamoDbTables.attributes(customer, backups, null, () -> awsKey).build())
                .containsEntry("server_side_encryption", List.of(Map.of("enabled", true, "kms_key_arn", customerKey)));
        assertThat(DynamoDbTables.attributes(TableDescription.builder().tableName("t").build(), null, null,
                () -> { throw new AssertionError("no key lookup for an unencrypted table"); }).build())
                .containsEntry("server_side_encryption", List.of())
                .containsEntry("table_class", "STANDARD").containsEntry("billing_mode", "PROVISIONED");
    }

    @Test
    void aMinorUpgradeAwsAppliesWithinTheConfiguredVersionIsNotDrift() {
        assertThat(DbInstances.engineVersion("16.4", Map.of("engine_version", "16"))).isEqualTo("16");
        assertThat(DbInstances.engineVersion("8.0.35", Map.of("engine_version", "8.0"))).isEqualTo("8.0");
        assertThat(DbInstances.engineVersion("17.1", Map.of("engine_version", "16"))).isEqualTo("17.1");
        assertThat(DbInstances.engineVersion("16.10", Map.of("engine_version", "16.1"))).isEqualTo("16.10");
        assertThat(DbInstances.engineVersion("16.4", null)).isEqualTo("16.4");
    }

    private static Map<String, Object> listenerState(String sslPolicy, List<Map<String, Object>> actions) {
        Map<String, Object> state = new HashMap<>();
        state.put("load_balancer_arn", LB_ARN);
        state.put("port", 443);
        state.put("protocol", "HTTPS");
        state.put("ssl_policy", sslPolicy);
        state.put("certificate_arn", null);
        state.put("alpn_policy", null);
        state.put("mutual_authentication", List.of());
        state.put("default_action", actions);
        return state;
    }

    /** "IN_SYNC" or "CHANGED a b" for one state resource against the live attributes the shape gives. */
    private static String status(String type, String id, Map<String, Object> stateAttributes,
                                 java.util.function.Function<CollectorContext, Attributes> shape) {
        OneResource resource = OneResource.of(type, id, stateAttributes);
        CollectorContext ctx = new CollectorContext(null, MotoAws.ACCOUNT, MotoAws.REGION, false, resource.managed());
        return resource.status(List.of(ctx.resource(type, id, shape.apply(ctx).build())));
    }
}
