package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import dev.driftdeck.remediation.ImportIds;

/**
 * What hangs under a load balancer's listeners and target groups (elasticloadbalancingv2), per region: listener
 * rules, extra listener certificates and target registrations. None has an account-wide listing, so each is listed
 * only under the parents a state manages (a managed balancer, listener or target group, or the parent a managed
 * child names): one call per such parent, as {@link LoadBalancerCollectors} lists listeners.
 */
final class LoadBalancerChildCollectors {

    static final String RULE = "aws_lb_listener_rule";
    static final String CERTIFICATE = "aws_lb_listener_certificate";
    static final String ATTACHMENT = "aws_lb_target_group_attachment";

    /** DescribeRules' largest page. */
    private static final int RULE_PAGE = 400;
    /** DescribeListenerCertificates' largest page. */
    private static final int CERTIFICATE_PAGE = 400;
    private static final int BALANCER_PAGE = 400;
    private static final int GROUP_PAGE = 400;

    private LoadBalancerChildCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the rule ARN. A listener's default rule (IsDefault) is its default_action, not a rule.
                CollectorDefinition.regional(RULE).actions("elasticloadbalancing:DescribeRules",
                                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
                                "elasticloadbalancing:DescribeTags")
                        .compare("listener_arn", STRING).compare("priority", SCALAR).compare("action", SET)
                        .compare("condition", SET).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(LoadBalancerChildCollectors::rules),
                // Terraform's id is "<listener arn>_<certificate arn>": both halves are the identity. The default
                // certificate (IsDefault) is aws_lb_listener.certificate_arn.
                CollectorDefinition.regional(CERTIFICATE).actions("elasticloadbalancing:DescribeListenerCertificates",
                                "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners")
                        .notCompared(NotCompared.IDENTITY, "listener_arn", "certificate_arn")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LoadBalancerChildCollectors::certificates),
                // Terraform's id is generated ("<group arn>-<timestamp>"): matched on group, target and port, with
                // the port "null" when the configuration leaves it to the group's (the provider then writes null).
                CollectorDefinition.regional(ATTACHMENT).actions("elasticloadbalancing:DescribeTargetHealth",
                                "elasticloadbalancing:DescribeTargetGroups")
                        .idFrom("target_group_arn", "target_id", "port")
                        .compare("availability_zone", STRING)
                        .notCompared(NotCompared.IDENTITY, "target_group_arn", "target_id", "port")
                        .importId(ImportIds.notImportable("the provider documents no import for it (\"Target Group Attachments cannot be imported\"): declare it in code, registering a registered target again changes nothing")).listedBy(LoadBalancerChildCollectors::attachments));
    }

    private static List<LiveResource> rules(CollectorContext ctx) {
        Set<String> listeners = new LinkedHashSet<>(ctx.managed().ids(LoadBalancerCollectors.LISTENER));
        ctx.managed().resources(RULE).values().forEach(rule -> {
            if (rule.get("listener_arn") instanceof String arn) {
                listeners.add(arn);
            }
        });
        Set<String> balancers = new LinkedHashSet<>(ctx.managed().ids(LoadBalancerCollectors.LOAD_BALANCER));
        if (balancers.isEmpty() && listeners.isEmpty()) {
            return List.of();
        }
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<Rule> found = new ArrayList<>();
        Map<String, String> listenerOf = new LinkedHashMap<>();
        for (Listener listener : existingListeners(ctx, elb, balancers, listeners)) {
            for (Rule rule : elb.describeRulesPaginator(r -> r.listenerArn(listener.listenerArn()).pageSize(RULE_PAGE))
                    .rules()) {
                if (!Boolean.TRUE.equals(rule.isDefault())) {
                    found.add(rule);
                    listenerOf.put(rule.ruleArn(), listener.listenerArn());
                }
            }
        }
        Map<String, Map<String, Object>> tags = LoadBalancerCollectors.tags(ctx, elb, RULE,
                found.stream().map(Rule::ruleArn).toList());
        return found.stream()
                .map(rule -> !ctx.manages(RULE, rule.ruleArn()) ? ctx.identityOnly(RULE, rule.ruleArn())
                        : ctx.resource(RULE, rule.ruleArn(), Attributes.of()
                                .put("listener_arn", listenerOf.get(rule.ruleArn()))
                                .put("priority", priority(rule.priority()))
                                .put("action", rule.actions().stream().map(action -> LoadBalancerShapes.action(action,
                                        forwardBlockInState(ctx, rule.ruleArn(), action.order()))).toList())
                                .put("condition", rule.conditions().stream()
                                        .map(LoadBalancerChildCollectors::condition).toList())
                                .put("tags", tags.getOrDefault(rule.ruleArn(), Map.of()))
                                .build()))
                .toList();
    }

    private static List<LiveResource> certificates(CollectorContext ctx) {
        Set<String> listeners = new LinkedHashSet<>(ctx.managed().ids(LoadBalancerCollectors.LISTENER));
        ctx.managed().resources(CERTIFICATE).values().forEach(certificate -> {
            if (certificate.get("listener_arn") instanceof String arn) {
                listeners.add(arn);
            }
        });
        if (listeners.isEmpty()) {
            return List.of();
        }
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LiveResource> certificates = new ArrayList<>();
        for (Listener listener : existingListeners(ctx, elb, Set.of(), listeners)) {
            elb.describeListenerCertificatesPaginator(r -> r.listenerArn(listener.listenerArn())
                            .pageSize(CERTIFICATE_PAGE)).certificates().forEach(certificate -> {
                if (Boolean.TRUE.equals(certificate.isDefault())) {
                    return;
                }
                String id = listener.listenerArn() + "_" + certificate.certificateArn();
                certificates.add(ctx.resource(CERTIFICATE, id, Attributes.of()
                        .put("listener_arn", listener.listenerArn())
                        .put("certificate_arn", certificate.certificateArn())
                        .build()));
            });
        }
        return certificates;
    }

    private static List<LiveResource> attachments(CollectorContext ctx) {
        Set<String> groups = new LinkedHashSet<>(ctx.managed().ids(LoadBalancerCollectors.TARGET_GROUP));
        ctx.managed().resources(ATTACHMENT).values().forEach(attachment -> {
            if (attachment.get("target_group_arn") instanceof String arn) {
                groups.add(arn);
            }
        });
        if (groups.isEmpty()) {
            return List.of();
        }
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LiveResource> attachments = new ArrayList<>();
        for (TargetGroup group : elb.describeTargetGroupsPaginator(r -> r.pageSize(GROUP_PAGE)).targetGroups()) {
            if (!groups.contains(group.targetGroupArn())) {
                continue;
            }
            for (TargetHealthDescription description : elb.describeTargetHealth(r -> r.targetGroupArn(
                    group.targetGroupArn())).targetHealthDescriptions()) {
                var target = description.target();
                String state = description.targetHealth() == null ? null : description.targetHealth().stateAsString();
                if ("draining".equals(state)) {
                    continue; // deregistered, on its way out
                }
                String id = attachmentId(ctx, group, target.id(), target.port());
                attachments.add(ctx.resource(ATTACHMENT, id, Attributes.of()
                        .put("target_group_arn", group.targetGroupArn())
                        .put("target_id", target.id())
                        .put("port", target.port())
                        .put("availability_zone", target.availabilityZone())
                        .build()));
            }
        }
        return attachments;
    }

    /**
     * The match id of a registration. A configuration without {@code port} registers on the group's port and the
     * provider writes {@code port = null}: such a registration is matched under "null" when the state has it so.
     */
    private static String attachmentId(CollectorContext ctx, TargetGroup group, String targetId, Integer port) {
        String prefix = group.targetGroupArn() + "/" + targetId + "/";
        String explicit = prefix + port;
        if (!ctx.manages(ATTACHMENT, explicit) && Objects.equals(port, group.port())
                && ctx.manages(ATTACHMENT, prefix + "null")) {
            return prefix + "null";
        }
        return explicit;
    }

    /**
     * The listeners that exist among {@code listeners} and under {@code balancers}: one DescribeLoadBalancers listing
     * of the region, then DescribeListeners on each balancer that holds one of them.
     */
    private static List<Listener> existingListeners(CollectorContext ctx, ElasticLoadBalancingV2Client elb,
                                                    Set<String> balancers, Set<String> listeners) {
        Set<String> parents = new LinkedHashSet<>(balancers);
        listeners.forEach(listener -> parents.add(balancerOf(listener)));
        List<Listener> found = new ArrayList<>();
        for (LoadBalancer lb : elb.describeLoadBalancersPaginator(r -> r.pageSize(BALANCER_PAGE)).loadBalancers()) {
            if (!parents.contains(lb.loadBalancerArn())) {
                continue;
            }
            elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners().forEach(listener -> {
                if (balancers.contains(lb.loadBalancerArn()) || listeners.contains(listener.listenerArn())) {
                    found.add(listener);
                }
            });
        }
        return found;
    }

    /** {@code arn:...:listener/app/name/lb-id/listener-id} is a listener of {@code arn:...:loadbalancer/app/name/lb-id}. */
    static String balancerOf(String listenerArn) {
        String balancer = listenerArn.replace(":listener/", ":loadbalancer/");
        return balancer.substring(0, balancer.lastIndexOf('/'));
    }

    private static Integer priority(String priority) {
        return priority == null || "default".equals(priority) ? null : Integer.valueOf(priority);
    }

    /**
     * One condition as the provider flattens it: a block per field, its values from the field's configuration, or
     * from the legacy {@code Values} list when AWS returns only that.
     */
    private static Map<String, Object> condition(RuleCondition condition) {
        Map<String, Object> block = new LinkedHashMap<>();
        String field = condition.field();
        switch (field == null ? "" : field) {
            case "host-header" -> block.put("host_header", values(condition.hostHeaderConfig() == null ? null
                    : condition.hostHeaderConfig().values(), condition));
            case "path-pattern" -> block.put("path_pattern", values(condition.pathPatternConfig() == null ? null
                    : condition.pathPatternConfig().values(), condition));
            case "http-request-method" -> block.put("http_request_method", values(
                    condition.httpRequestMethodConfig() == null ? null : condition.httpRequestMethodConfig().values(),
                    condition));
            case "source-ip" -> block.put("source_ip", values(condition.sourceIpConfig() == null ? null
                    : condition.sourceIpConfig().values(), condition));
            case "http-header" -> block.put("http_header", List.of(LoadBalancerShapes.block(
                    "http_header_name", condition.httpHeaderConfig() == null ? null
                            : condition.httpHeaderConfig().httpHeaderName(),
                    "values", condition.httpHeaderConfig() == null ? List.of()
                            : condition.httpHeaderConfig().values())));
            case "query-string" -> block.put("query_string", condition.queryStringConfig() == null ? List.of()
                    : condition.queryStringConfig().values().stream()
                    .map(pair -> LoadBalancerShapes.block("key", pair.key(), "value", pair.value())).toList());
            default -> block.put(field, condition.values());
        }
        return block;
    }

    private static List<Object> values(List<String> configured, RuleCondition condition) {
        List<String> values = configured != null && !configured.isEmpty() ? configured : condition.values();
        return List.of(Map.of("values", values == null ? List.of() : values));
    }

    /** As for a listener's default action: whether the state wrote this action's target group as a forward block. */
    private static boolean forwardBlockInState(CollectorContext ctx, String ruleArn, Integer order) {
        if (!(NotApplicable.stateValue(ctx, RULE, ruleArn, "action") instanceof List<?> actions)) {
            return false;
        }
        for (Object action : actions) {
            if (action instanceof Map<?, ?> block && Objects.equals(String.valueOf(block.get("order")),
                    String.valueOf(order)) && block.get("forward") instanceof List<?> forward && !forward.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
