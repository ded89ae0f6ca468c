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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

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
            "aws_alb_target_group", TARGET_GROUP);

    private LoadBalancerCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(LOAD_BALANCER).actions("elasticloadbalancing:DescribeLoadBalancers",
                                "elasticloadbalancing:DescribeTags")
                        .compare("name", STRING).compare("load_balancer_type", CASE_INSENSITIVE)
                        .compare("internal", SCALAR).compare("subnets", SET).compare("security_groups", SET)
                        .compareTags()
                        .listedBy(LoadBalancerCollectors::loadBalancers),
                CollectorDefinition.regional(TARGET_GROUP).actions("elasticloadbalancing:DescribeTargetGroups",
                                "elasticloadbalancing:DescribeTags")
                        .compare("name", STRING).compare("port", SCALAR).compare("protocol", CASE_INSENSITIVE)
                        .compare("vpc_id", STRING).compare("target_type", CASE_INSENSITIVE).compareTags()
                        .listedBy(LoadBalancerCollectors::targetGroups),
                CollectorDefinition.regional(LISTENER).actions("elasticloadbalancing:DescribeLoadBalancers",
                                "elasticloadbalancing:DescribeListeners")
                        .compare("load_balancer_arn", STRING).compare("port", SCALAR)
                        .compare("protocol", CASE_INSENSITIVE)
                        .listedBy(LoadBalancerCollectors::listeners));
    }

    private static List<LiveResource> loadBalancers(CollectorContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LoadBalancer> balancers = elb.describeLoadBalancersPaginator().loadBalancers().stream().toList();
        Map<String, Map<String, Object>> tags = tags(ctx, elb, LOAD_BALANCER,
                balancers.stream().map(LoadBalancer::loadBalancerArn).toList());
        return balancers.stream()
                .map(lb -> !ctx.manages(LOAD_BALANCER, lb.loadBalancerArn())
                        ? ctx.identityOnly(LOAD_BALANCER, lb.loadBalancerArn())
                        : ctx.resource(LOAD_BALANCER, lb.loadBalancerArn(), Attributes.of()
                                .put("name", lb.loadBalancerName())
                                .put("load_balancer_type", lb.typeAsString())
                                .put("internal", "internal".equals(lb.schemeAsString()))
                                .put("subnets", lb.availabilityZones().stream().map(az -> az.subnetId()).toList())
                                .put("security_groups", lb.securityGroups())
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
                .map(group -> ctx.resource(TARGET_GROUP, group.targetGroupArn(), Attributes.of()
                        .put("name", group.targetGroupName())
                        .put("port", group.port())
                        .put("protocol", group.protocolAsString())
                        .put("vpc_id", group.vpcId())
                        .put("target_type", group.targetTypeAsString())
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
        for (LoadBalancer lb : elb.describeLoadBalancersPaginator().loadBalancers()) {
            if (!balancers.contains(lb.loadBalancerArn())) {
                continue;
            }
            elb.describeListenersPaginator(r -> r.loadBalancerArn(lb.loadBalancerArn())).listeners()
                    .forEach(listener -> listeners.add(ctx.resource(LISTENER, listener.listenerArn(), Attributes.of()
                            .put("load_balancer_arn", listener.loadBalancerArn())
                            .put("port", listener.port())
                            .put("protocol", listener.protocolAsString())
                            .build())));
        }
        return listeners;
    }

    /** Tags of the managed ARNs among {@code arns}, 20 per DescribeTags call (its limit). */
    private static Map<String, Map<String, Object>> tags(CollectorContext ctx, ElasticLoadBalancingV2Client elb,
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
