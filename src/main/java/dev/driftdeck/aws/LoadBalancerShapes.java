package dev.driftdeck.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Load balancers, target groups and listeners in the shapes the provider (5.100) writes them: the key/value
 * attributes of DescribeLoadBalancerAttributes and DescribeTargetGroupAttributes under the argument names they set,
 * nested blocks as lists of maps with booleans and numbers typed. A key AWS does not return for this kind of
 * balancer or group (an NLB-only setting on an ALB) takes the state's value ({@link NotApplicable}).
 */
final class LoadBalancerShapes {

    /** Balancer argument to attribute key. */
    private static final Map<String, String> BALANCER_ATTRIBUTES = Map.ofEntries(
            Map.entry("client_keep_alive", "client_keep_alive.seconds"),
            Map.entry("desync_mitigation_mode", "routing.http.desync_mitigation_mode"),
            Map.entry("dns_record_client_routing_policy", "dns_record.client_routing_policy"),
            Map.entry("drop_invalid_header_fields", "routing.http.drop_invalid_header_fields.enabled"),
            Map.entry("enable_cross_zone_load_balancing", "load_balancing.cross_zone.enabled"),
            Map.entry("enable_deletion_protection", "deletion_protection.enabled"),
            Map.entry("enable_http2", "routing.http2.enabled"),
            Map.entry("enable_tls_version_and_cipher_suite_headers",
                    "routing.http.x_amzn_tls_version_and_cipher_suite.enabled"),
            Map.entry("enable_waf_fail_open", "waf.fail_open.enabled"),
            Map.entry("enable_xff_client_port", "routing.http.xff_client_port.enabled"),
            Map.entry("enable_zonal_shift", "zonal_shift.config.enabled"),
            Map.entry("idle_timeout", "idle_timeout.timeout_seconds"),
            Map.entry("preserve_host_header", "routing.http.preserve_host_header.enabled"),
            Map.entry("xff_header_processing_mode", "routing.http.xff_header_processing.mode"));

    /** Target group argument to attribute key. */
    private static final Map<String, String> GROUP_ATTRIBUTES = Map.ofEntries(
            Map.entry("connection_termination", "deregistration_delay.connection_termination.enabled"),
            Map.entry("deregistration_delay", "deregistration_delay.timeout_seconds"),
            Map.entry("lambda_multi_value_headers_enabled", "lambda.multi_value_headers.enabled"),
            Map.entry("load_balancing_algorithm_type", "load_balancing.algorithm.type"),
            Map.entry("load_balancing_anomaly_mitigation", "load_balancing.algorithm.anomaly_mitigation"),
            Map.entry("load_balancing_cross_zone_enabled", "load_balancing.cross_zone.enabled"),
            Map.entry("preserve_client_ip", "preserve_client_ip.enabled"),
            Map.entry("proxy_protocol_v2", "proxy_protocol_v2.enabled"),
            Map.entry("slow_start", "slow_start.duration_seconds"));

    static final List<String> BALANCER_ATTRIBUTE_ARGUMENTS = List.copyOf(new java.util.TreeSet<>(BALANCER_ATTRIBUTES.keySet()));
    static final List<String> GROUP_ATTRIBUTE_ARGUMENTS = List.copyOf(new java.util.TreeSet<>(GROUP_ATTRIBUTES.keySet()));

    private LoadBalancerShapes() {
    }

    /** What DescribeLoadBalancers and DescribeLoadBalancerAttributes say, keyed as {@code aws_lb} writes it. */
    static Attributes balancer(CollectorContext ctx, LoadBalancer lb, Map<String, String> attributes) {
        String id = lb.loadBalancerArn();
        Attributes live = Attributes.of()
                .put("name", lb.loadBalancerName())
                .put("load_balancer_type", lb.typeAsString())
                .put("internal", "internal".equals(lb.schemeAsString()))
                .put("subnets", lb.availabilityZones().stream().map(az -> az.subnetId()).toList())
                .put("subnet_mapping", lb.availabilityZones().stream().map(az -> {
                    Map<String, Object> mapping = new LinkedHashMap<>();
                    mapping.put("subnet_id", az.subnetId());
                    mapping.put("outpost_id", az.outpostId());
                    if (!az.loadBalancerAddresses().isEmpty()) {
                        var address = az.loadBalancerAddresses().getFirst();
                        mapping.put("allocation_id", address.allocationId());
                        mapping.put("ipv6_address", address.iPv6Address());
                        mapping.put("private_ipv4_address", address.privateIPv4Address());
                    }
                    return mapping;
                }).toList())
                .put("security_groups", lb.securityGroups())
                .put("ip_address_type", lb.ipAddressTypeAsString())
                .put("customer_owned_ipv4_pool", lb.customerOwnedIpv4Pool())
                .put("enforce_security_group_inbound_rules_on_private_link_traffic",
                        lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic())
                .put("ipam_pools", lb.ipamPools() == null || lb.ipamPools().ipv4IpamPoolId() == null ? List.<Object>of()
                        : List.<Object>of(Map.of("ipv4_ipam_pool_id", lb.ipamPools().ipv4IpamPoolId())));
        BALANCER_ATTRIBUTES.forEach((argument, key) ->
                live.put(argument, NotApplicable.orState(attributes.get(key), ctx, LoadBalancerCollectors.LOAD_BALANCER, id, argument)));
        live.put("access_logs", logs(ctx, id, "access_logs", "access_logs.s3", attributes));
        live.put("connection_logs", logs(ctx, id, "connection_logs", "connection_logs.s3", attributes));
        return live;
    }

    private static Object logs(CollectorContext ctx, String id, String argument, String prefix, Map<String, String> attributes) {
        if (!attributes.containsKey(prefix + ".enabled")) {
            return NotApplicable.stateValue(ctx, LoadBalancerCollectors.LOAD_BALANCER, id, argument);
        }
        return List.of(Map.of("bucket", attributes.getOrDefault(prefix + ".bucket", ""),
                "enabled", Boolean.parseBoolean(attributes.get(prefix + ".enabled")),
                "prefix", attributes.getOrDefault(prefix + ".prefix", "")));
    }

    /** What DescribeTargetGroups and DescribeTargetGroupAttributes say, keyed as {@code aws_lb_target_group} writes it. */
    static Attributes targetGroup(CollectorContext ctx, TargetGroup group, Map<String, String> attributes) {
        String id = group.targetGroupArn();
        String type = LoadBalancerCollectors.TARGET_GROUP;
        Map<String, Object> healthCheck = new LinkedHashMap<>();
        healthCheck.put("enabled", group.healthCheckEnabled());
        healthCheck.put("healthy_threshold", group.healthyThresholdCount());
        healthCheck.put("interval", group.healthCheckIntervalSeconds());
        healthCheck.put("matcher", group.matcher() == null ? null
                : group.matcher().httpCode() != null ? group.matcher().httpCode() : group.matcher().grpcCode());
        healthCheck.put("path", group.healthCheckPath());
        healthCheck.put("port", group.healthCheckPort());
        healthCheck.put("protocol", group.healthCheckProtocolAsString());
        healthCheck.put("timeout", group.healthCheckTimeoutSeconds());
        healthCheck.put("unhealthy_threshold", group.unhealthyThresholdCount());
        Attributes live = Attributes.of()
                .put("name", group.targetGroupName())
                .put("port", group.port())
                .put("protocol", group.protocolAsString())
                .put("protocol_version", group.protocolVersion())
                .put("vpc_id", group.vpcId())
                .put("target_type", group.targetTypeAsString())
                .put("ip_address_type", group.ipAddressTypeAsString())
                .put("health_check", List.of(healthCheck));
        GROUP_ATTRIBUTES.forEach((argument, key) ->
                live.put(argument, NotApplicable.orState(attributes.get(key), ctx, type, id, argument)));
        live.put("stickiness", stickiness(ctx, id, attributes));
        live.put("target_failover", attributes.containsKey("target_failover.on_deregistration")
                ? List.of(block("on_deregistration", attributes.get("target_failover.on_deregistration"),
                        "on_unhealthy", attributes.get("target_failover.on_unhealthy")))
                : NotApplicable.stateValue(ctx, type, id, "target_failover"));
        String dns = "target_group_health.dns_failover.minimum_healthy_targets.";
        String routing = "target_group_health.unhealthy_state_routing.minimum_healthy_targets.";
        live.put("target_group_health", attributes.containsKey(dns + "count")
                ? List.of(Map.of(
                        "dns_failover", List.of(block("minimum_healthy_targets_count", attributes.get(dns + "count"),
                                "minimum_healthy_targets_percentage", attributes.get(dns + "percentage"))),
                        "unhealthy_state_routing", List.of(block("minimum_healthy_targets_count",
                                attributes.get(routing + "count"),
                                "minimum_healthy_targets_percentage", attributes.get(routing + "percentage")))))
                : NotApplicable.stateValue(ctx, type, id, "target_group_health"));
        String unhealthy = "target_health_state.unhealthy.";
        live.put("target_health_state", attributes.containsKey(unhealthy + "connection_termination.enabled")
                ? List.of(block("enable_unhealthy_connection_termination",
                        Boolean.parseBoolean(attributes.get(unhealthy + "connection_termination.enabled")),
                        "unhealthy_draining_interval", integer(attributes.get(unhealthy + "draining_interval_seconds"))))
                : NotApplicable.stateValue(ctx, type, id, "target_health_state"));
        return live;
    }

    /**
     * As the provider reads it: enabled and type always; the cookie duration (and name) of the cookie type in use;
     * a type without a cookie (source_ip...) keeps the state's cookie fields, which AWS has no value for. A duration
     * AWS leaves out (moto does) is the 0 the provider then writes.
     */
    private static Object stickiness(CollectorContext ctx, String id, Map<String, String> attributes) {
        if (!attributes.containsKey("stickiness.enabled")) {
            return NotApplicable.stateValue(ctx, LoadBalancerCollectors.TARGET_GROUP, id, "stickiness");
        }
        String type = attributes.get("stickiness.type");
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("enabled", Boolean.parseBoolean(attributes.get("stickiness.enabled")));
        block.put("type", type);
        if ("lb_cookie".equals(type)) {
            block.put("cookie_duration", zeroIfAbsent(attributes.get("stickiness.lb_cookie.duration_seconds")));
        } else if ("app_cookie".equals(type)) {
            block.put("cookie_duration", zeroIfAbsent(attributes.get("stickiness.app_cookie.duration_seconds")));
            block.put("cookie_name", attributes.get("stickiness.app_cookie.cookie_name"));
        } else if (NotApplicable.stateValue(ctx, LoadBalancerCollectors.TARGET_GROUP, id, "stickiness")
                instanceof List<?> state && !state.isEmpty() && state.getFirst() instanceof Map<?, ?> stateBlock) {
            block.put("cookie_duration", stateBlock.get("cookie_duration"));
            block.put("cookie_name", stateBlock.get("cookie_name"));
        }
        return List.of(block);
    }

    /** What DescribeListeners says, keyed as {@code aws_lb_listener} writes it. */
    static Attributes listener(CollectorContext ctx, Listener listener) {
        var mtls = listener.mutualAuthentication();
        return Attributes.of()
                .put("load_balancer_arn", listener.loadBalancerArn())
                .put("port", listener.port())
                .put("protocol", listener.protocolAsString())
                .put("ssl_policy", listener.sslPolicy())
                // DescribeListeners names only the default certificate; the others are aws_lb_listener_certificate.
                .put("certificate_arn", listener.certificates().size() == 1
                        ? listener.certificates().getFirst().certificateArn() : null)
                .put("alpn_policy", listener.alpnPolicy().size() == 1 ? listener.alpnPolicy().getFirst() : null)
                // Mode "off" is AWS's way of saying none; the provider then writes no block.
                .put("mutual_authentication", mtls == null || mtls.mode() == null || "off".equals(mtls.mode())
                        ? List.of() : List.of(block("mode", mtls.mode(), "trust_store_arn", mtls.trustStoreArn(),
                        "ignore_client_certificate_expiry", Boolean.TRUE.equals(mtls.ignoreClientCertificateExpiry()),
                        "advertise_trust_store_ca_names", mtls.advertiseTrustStoreCaNamesAsString())))
                .put("default_action", listener.defaultActions().stream()
                        .map(action -> action(action, forwardBlockInState(ctx, listener.listenerArn(), action.order())))
                        .toList());
    }

    /**
     * One action as the provider flattens it. AWS returns a single target group both as {@code TargetGroupArn} and
     * as a forward configuration; the provider keeps whichever form the configuration used, which the state shows.
     */
    static Map<String, Object> action(Action action, boolean forwardBlock) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", action.typeAsString());
        block.put("order", action.order());
        var forward = action.forwardConfig();
        if (forward != null && (forwardBlock || action.targetGroupArn() == null)) {
            var stickiness = forward.targetGroupStickinessConfig();
            block.put("forward", List.of(Map.of(
                    "target_group", forward.targetGroups().stream()
                            .map(group -> block("arn", group.targetGroupArn(), "weight", group.weight())).toList(),
                    "stickiness", stickiness == null ? List.of() : List.of(block(
                            "duration", stickiness.durationSeconds() == null ? 0 : stickiness.durationSeconds(),
                            "enabled", Boolean.TRUE.equals(stickiness.enabled()))))));
        } else {
            block.put("target_group_arn", action.targetGroupArn());
        }
        var redirect = action.redirectConfig();
        if (redirect != null) {
            block.put("redirect", List.of(block("host", redirect.host(), "path", redirect.path(), "port",
                    redirect.port(), "protocol", redirect.protocol(), "query", redirect.query(),
                    "status_code", redirect.statusCodeAsString())));
        }
        var fixed = action.fixedResponseConfig();
        if (fixed != null) {
            block.put("fixed_response", List.of(block("content_type", fixed.contentType(),
                    "message_body", fixed.messageBody(), "status_code", fixed.statusCode())));
        }
        var cognito = action.authenticateCognitoConfig();
        if (cognito != null) {
            block.put("authenticate_cognito", List.of(block(
                    "authentication_request_extra_params", cognito.authenticationRequestExtraParams(),
                    "on_unauthenticated_request", cognito.onUnauthenticatedRequestAsString(),
                    "scope", cognito.scope(), "session_cookie_name", cognito.sessionCookieName(),
                    "session_timeout", cognito.sessionTimeout(), "user_pool_arn", cognito.userPoolArn(),
                    "user_pool_client_id", cognito.userPoolClientId(), "user_pool_domain", cognito.userPoolDomain())));
        }
        var oidc = action.authenticateOidcConfig();
        if (oidc != null) {
            // The client secret is write-only: AWS never returns it and the state parser masks it.
            block.put("authenticate_oidc", List.of(block(
                    "authentication_request_extra_params", oidc.authenticationRequestExtraParams(),
                    "authorization_endpoint", oidc.authorizationEndpoint(), "client_id", oidc.clientId(),
                    "issuer", oidc.issuer(), "on_unauthenticated_request", oidc.onUnauthenticatedRequestAsString(),
                    "scope", oidc.scope(), "session_cookie_name", oidc.sessionCookieName(),
                    "session_timeout", oidc.sessionTimeout(), "token_endpoint", oidc.tokenEndpoint(),
                    "user_info_endpoint", oidc.userInfoEndpoint())));
        }
        return block;
    }

    private static boolean forwardBlockInState(CollectorContext ctx, String listenerArn, Integer order) {
        if (!(NotApplicable.stateValue(ctx, LoadBalancerCollectors.LISTENER, listenerArn, "default_action")
                instanceof List<?> actions)) {
            return false;
        }
        for (Object action : actions) {
            if (action instanceof Map<?, ?> block && java.util.Objects.equals(String.valueOf(block.get("order")),
                    String.valueOf(order)) && block.get("forward") instanceof List<?> forward && !forward.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A map that keeps nulls (absent in AWS), from name/value pairs. */
    static Map<String, Object> block(Object... pairs) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            block.put((String) pairs[i], pairs[i + 1]);
        }
        return block;
    }

    private static int zeroIfAbsent(String value) {
        Integer parsed = integer(value);
        return parsed == null ? 0 : parsed;
    }

    private static Integer integer(String value) {
        return value == null || value.isEmpty() ? null : Integer.valueOf(value);
    }
}
