package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * ALB/NLB, listeners and target groups (elasticloadbalancingv2), per region; every id is an ARN. Tags come from
 * DescribeTags, which takes 20 ARNs per call, for managed resources only. Listeners have no account-wide listing:
 * one DescribeListeners per load balancer the state manages (as the balancer or through one of its listeners).
 */
final class LoadBalancerCollectors {

    static final String LOAD_BALANCER = "aws_lb";
    static final String LISTENER = "aws_lb_listener";
    static final String TARGET_GROUP = "aws_lb_target_group";

    /** The provider's other names for the same three resources (driftctl supports them too): alias -> canonical. */
    static final Map<String, String> ALIASES = Map.of("aws_alb", LOAD_BALANCER, "aws_alb_listener", LISTENER,
            "aws_alb_target_group", TARGET_GROUP, "aws_alb_listener_rule", LoadBalancerChildCollectors.RULE,
            "aws_alb_target_group_attachment", LoadBalancerChildCollectors.ATTACHMENT);

    /** The listener's key/value attributes, read only with DescribeListenerAttributes. */
    private static final String[] LISTENER_ATTRIBUTES = {"tcp_idle_timeout_seconds",
            "routing_http_request_x_amzn_mtls_clientcert_header_name",
            "routing_http_request_x_amzn_mtls_clientcert_issuer_header_name",
            "routing_http_request_x_amzn_mtls_clientcert_leaf_header_name",
            "routing_http_request_x_amzn_mtls_clientcert_serial_number_header_name",
            "routing_http_request_x_amzn_mtls_clientcert_subject_header_name",
            "routing_http_request_x_amzn_mtls_clientcert_validity_header_name",
            "routing_http_request_x_amzn_tls_cipher_suite_header_name",
            "routing_http_request_x_amzn_tls_version_header_name",
            "routing_http_response_access_control_allow_credentials_header_value",
            "routing_http_response_access_control_allow_headers_header_value",
            "routing_http_response_access_control_allow_methods_header_value",
            "routing_http_response_access_control_allow_origin_header_value",
            "routing_http_response_access_control_expose_headers_header_value",
            "routing_http_response_access_control_max_age_header_value",
            "routing_http_response_content_security_policy_header_value",
            "routing_http_response_server_enabled",
            "routing_http_response_strict_transport_security_header_value",
            "routing_http_response_x_content_type_options_header_value",
            "routing_http_response_x_frame_options_header_value"};

    private LoadBalancerCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // DescribeLoadBalancerAttributes (one per managed balancer) holds what operators change most:
                // deletion protection, access logs, header handling, idle timeout.
                CollectorDefinition.regional(LOAD_BALANCER).actions("elasticloadbalancing:DescribeLoadBalancers",
                                "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeLoadBalancerAttributes")
                        .compare("name", STRING).compare("load_balancer_type", CASE_INSENSITIVE)
                        .compare("internal", SCALAR).compare("subnets", SET).compare("subnet_mapping", SET)
                        .compare("security_groups", SET).compare("ip_address_type", CASE_INSENSITIVE)
                        .compare("customer_owned_ipv4_pool", STRING)
                        .compare("enforce_security_group_inbound_rules_on_private_link_traffic", CASE_INSENSITIVE)
                        .compare("ipam_pools", SET)
                        .compare("access_logs", SET).compare("connection_logs", SET)
                        .compare("client_keep_alive", SCALAR).compare("desync_mitigation_mode", STRING)
                        .compare("dns_record_client_routing_policy", STRING)
                        .compare("drop_invalid_header_fields", SCALAR).compare("enable_cross_zone_load_balancing", SCALAR)
                        .compare("enable_deletion_protection", SCALAR).compare("enable_http2", SCALAR)
                        .compare("enable_tls_version_and_cipher_suite_headers", SCALAR)
                        .compare("enable_waf_fail_open", SCALAR).compare("enable_xff_client_port", SCALAR)
                        .compare("enable_zonal_shift", SCALAR).compare("idle_timeout", SCALAR)
                        .compare("preserve_host_header", SCALAR).compare("xff_header_processing_mode", STRING)
                        .compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "name_prefix")
                        .notCompared(NotCompared.costsACall("DescribeCapacityReservation"), "minimum_load_balancer_capacity")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LoadBalancerCollectors::loadBalancers),
                // DescribeTargetGroupAttributes (one per managed group): stickiness, deregistration delay, algorithm.
                CollectorDefinition.regional(TARGET_GROUP).actions("elasticloadbalancing:DescribeTargetGroups",
                                "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes")
                        .compare("name", STRING).compare("port", SCALAR).compare("protocol", CASE_INSENSITIVE)
                        .compare("protocol_version", STRING).compare("vpc_id", STRING)
                        .compare("target_type", CASE_INSENSITIVE).compare("ip_address_type", CASE_INSENSITIVE)
                        .compare("health_check", SET).compare("stickiness", SET)
                        .compare("connection_termination", SCALAR).compare("deregistration_delay", SCALAR)
                        .compare("lambda_multi_value_headers_enabled", SCALAR)
                        .compare("load_balancing_algorithm_type", STRING)
                        .compare("load_balancing_anomaly_mitigation", STRING)
                        .compare("load_balancing_cross_zone_enabled", STRING)
                        .compare("preserve_client_ip", SCALAR).compare("proxy_protocol_v2", SCALAR)
                        .compare("slow_start", SCALAR).compare("target_failover", SET)
                        .compare("target_group_health", SET).compare("target_health_state", SET)
                        .compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LoadBalancerCollectors::targetGroups),
                CollectorDefinition.regional(LISTENER).actions("elasticloadbalancing:DescribeLoadBalancers",
                                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeTags")
                        .compare("load_balancer_arn", STRING).compare("port", SCALAR)
                        .compare("protocol", CASE_INSENSITIVE).compare("ssl_policy", STRING)
                        .compare("certificate_arn", STRING).compare("alpn_policy", STRING)
                        .compare("default_action", SET).compare("mutual_authentication", SET).compareTags()
                        .notCompared(NotCompared.costsACall("DescribeListenerAttributes"), LISTENER_ATTRIBUTES)
                        .importId(ImportIds.SAME_AS_ID).listedBy(LoadBalancerCollectors::listeners));
    }

    private static List<LiveResource> loadBalancers(CollectorContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LoadBalancer> balancers = elb.describeLoadBalancersPaginator().loadBalancers().stream().toList();
        Map<String, Map<String, Object>> tags = tags(ctx, elb, LOAD_BALANCER,
                balancers.stream().map(LoadBalancer::loadBalancerArn).toList());
        return balancers.stream()
                .map(lb -> !ctx.manages(LOAD_BALANCER, lb.loadBalancerArn())
                        ? ctx.identityOnly(LOAD_BALANCER, lb.loadBalancerArn())
                        : ctx.resource(LOAD_BALANCER, lb.loadBalancerArn(), LoadBalancerShapes.balancer(ctx, lb,
                                        keyValues(elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(
                                                lb.loadBalancerArn())).attributes(), a -> a.key(), a -> a.value()))
                                .put("tags", tags.getOrDefault(lb.loadBalancerArn(), Map.of()))
                                .build()))
                .toList();
    }

    private static List<LiveResource> targetGroups(CollectorContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        var groups = elb.describeTargetGroupsPaginator().targetGroups().stream().toList();
        Map<String, Map<String, Object>> tags = tags(ctx, elb, TARGET_GROUP,
                groups.stream().map(group -> group.targetGroupArn()).toList());
        return groups.stream()
                .map(group -> !ctx.manages(TARGET_GROUP, group.targetGroupArn())
                        ? ctx.identityOnly(TARGET_GROUP, group.targetGroupArn())
                        : ctx.resource(TARGET_GROUP, group.targetGroupArn(), LoadBalancerShapes.targetGroup(ctx, group,
                                        keyValues(elb.describeTargetGroupAttributes(r -> r.targetGroupArn(
                                                group.targetGroupArn())).attributes(), a -> a.key(), a -> a.value()))
                                .put("tags", tags.getOrDefault(group.targetGroupArn(), Map.of()))
                                .build()))
                .toList();
    }

    private static List<LiveResource> listeners(CollectorContext ctx) {
        Set<String> balancers = new LinkedHashSet<>(ctx.managed().ids(LOAD_BALANCER));
        ctx.managed().resources(LISTENER).values().forEach(listener -> {
            if (listener.get("load_balancer_arn") instanceof String arn) {
                balancers.add(arn);
            }
        });
        if (balancers.isEmpty()) {
            return List.of();
        }
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LiveResource> listeners = new ArrayList<>();
        List<Listener> found = new ArrayList<>();
        for (LoadBalancer lb : elb.describeLoadBalancersPaginator().loadBalancers()) {
            if (!balancers.contains(lb.loadBalancerArn())) {
                continue;
            }
            elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()
                    .forEach(found::add);
        }
        Map<String, Map<String, Object>> tags = tags(ctx, elb, LISTENER, found.stream().map(Listener::listenerArn).toList());
        for (Listener listener : found) {
            listeners.add(!ctx.manages(LISTENER, listener.listenerArn())
                    ? ctx.identityOnly(LISTENER, listener.listenerArn())
                    : ctx.resource(LISTENER, listener.listenerArn(), LoadBalancerShapes.listener(ctx, listener)
                            .put("tags", tags.getOrDefault(listener.listenerArn(), Map.of()))
                            .build()));
        }
        return listeners;
    }

    private static <T> Map<String, String> keyValues(List<T> attributes, java.util.function.Function<T, String> key,
                                                     java.util.function.Function<T, String> value) {
        Map<String, String> values = new HashMap<>();
        attributes.forEach(attribute -> values.put(key.apply(attribute), value.apply(attribute)));
        return values;
    }

    /** Tags of the managed ARNs among {@code arns}, 20 per DescribeTags call (its limit). */
    static Map<String, Map<String, Object>> tags(CollectorContext ctx, ElasticLoadBalancingV2Client elb,
                                                         String type, List<String> arns) {
        List<String> managed = arns.stream().filter(arn -> ctx.manages(type, arn)).toList();
        Map<String, Map<String, Object>> tags = new HashMap<>();
        for (int from = 0; from < managed.size(); from += 20) {
            List<String> batch = managed.subList(from, Math.min(managed.size(), from + 20));
            elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions().forEach(description ->
                    tags.put(description.resourceArn(), Tags.toMap(description.tags(), Tag::key, Tag::value)));
        }
        return tags;
    }
}
