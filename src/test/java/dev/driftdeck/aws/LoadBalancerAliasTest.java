package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * {@code aws_alb}, {@code aws_alb_listener}, {@code aws_alb_listener_rule}, {@code aws_alb_target_group} and
 * {@code aws_alb_target_group_attachment} are the provider's other names for the {@code aws_lb*} types. Objects created in moto with the SDK, a state in Terraform's shape that manages them
 * under the alias names, and a scan of the canonical types as the product runs it.
 */
class LoadBalancerAliasTest {

    private static final List<String> LISTED = List.of("aws_lb", "aws_lb_listener", "aws_lb_target_group",
            "aws_lb_listener_rule", "aws_lb_target_group_attachment");
    private static final String TARGET_IP = "10.7.1.10";

    private Ec2Client ec2;
    private ElasticLoadBalancingV2Client elb;
    private String vpc;
    private List<String> subnets;
    private LoadBalancer balancer;
    private TargetGroup group;
    private String listenerArn;
    private String ruleArn;
    private String ipGroupArn;

    @BeforeEach
    void loadBalancer() {
        MotoServer.shared().reset();
        ec2 = MotoAws.operatorEc2();
        elb = MotoClients.of(ElasticLoadBalancingV2Client.builder());
        vpc = ec2.createVpc(r -> r.cidrBlock("10.7.0.0/16")).vpc().vpcId();
        subnets = List.of(
                ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.7.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId(),
                ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.7.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId());
        balancer = elb.createLoadBalancer(r -> r.name("web").subnets(subnets)
                .tags(Tag.builder().key("Environment").value("dev").build())).loadBalancers().getFirst();
        group = elb.createTargetGroup(r -> r.name("web").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc)
                .healthCheckPath("/health").tags(Tag.builder().key("Environment").value("dev").build()))
                .targetGroups().getFirst();
        listenerArn = elb.createListener(r -> r.loadBalancerArn(balancer.loadBalancerArn()).protocol(ProtocolEnum.HTTP)
                .port(80).defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group.targetGroupArn())))
                .listeners().getFirst().listenerArn();
        ruleArn = elb.createRule(r -> r.listenerArn(listenerArn).priority(10)
                .conditions(c -> c.field("path-pattern").values("/api/*"))
                .actions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group.targetGroupArn())))
                .rules().getFirst().ruleArn();
        ipGroupArn = elb.createTargetGroup(r -> r.name("ips").protocol(ProtocolEnum.HTTP).port(80).vpcId(vpc)
                .targetType(TargetTypeEnum.IP)).targetGroups().getFirst().targetGroupArn();
        elb.registerTargets(r -> r.targetGroupArn(ipGroupArn).targets(t -> t.id(TARGET_IP).port(80)));
    }

    @AfterEach
    void close() {
        elb.close();
        ec2.close();
    }

    @Test
    void resourcesManagedUnderTheAliasNamesAreInSyncAndAnUnmanagedBalancerIsReportedOnceAsAwsLb() {
        String other = elb.createLoadBalancer(r -> r.name("by-hand").subnets(subnets)).loadBalancers().getFirst()
                .loadBalancerArn();

        Reconciliation result = scan(aliasState());

        assertThat(result.findings()).extracting(Finding::type, Finding::address, Finding::status)
                .containsExactlyInAnyOrder(
                        tuple("aws_alb", "aws_alb.web", FindingStatus.IN_SYNC),
                        tuple("aws_alb_target_group", "aws_alb_target_group.web", FindingStatus.IN_SYNC),
                        tuple("aws_alb_target_group", "aws_alb_target_group.ips", FindingStatus.IN_SYNC),
                        tuple("aws_alb_listener", "aws_alb_listener.web", FindingStatus.IN_SYNC),
                        tuple("aws_alb_listener_rule", "aws_alb_listener_rule.web", FindingStatus.IN_SYNC),
                        tuple("aws_alb_target_group_attachment", "aws_alb_target_group_attachment.web",
                                FindingStatus.IN_SYNC),
                        tuple("aws_lb", null, FindingStatus.UNMANAGED));
        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .extracting(Finding::id).containsExactly(other);
        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void aConsoleEditOfATargetGroupManagedAsAnAliasIsChangedOnTheAliasAddress() {
        elb.addTags(r -> r.resourceArns(group.targetGroupArn())
                .tags(Tag.builder().key("Environment").value("prod").build()));

        Reconciliation result = scan(aliasState());

        Finding changed = result.findings().stream().filter(f -> f.status() == FindingStatus.CHANGED)
                .findFirst().orElseThrow();
        assertThat(changed.address()).isEqualTo("aws_alb_target_group.web");
        assertThat(changed.id()).isEqualTo(group.targetGroupArn());
        assertThat(changed.diffs()).extracting(AttributeDiff::dottedPath).containsExactly("tags.Environment");
        assertThat(result.findings()).filteredOn(f -> f.status() != FindingStatus.IN_SYNC).containsExactly(changed);
    }

    @Test
    void aRuleReprioritisedAndATargetDeregisteredInTheConsoleAreReportedOnTheAliasAddresses() {
        elb.setRulePriorities(r -> r.rulePriorities(p -> p.ruleArn(ruleArn).priority(20)));
        elb.deregisterTargets(r -> r.targetGroupArn(ipGroupArn).targets(t -> t.id(TARGET_IP).port(80)));

        Reconciliation result = scan(aliasState());

        assertThat(result.findings()).filteredOn(f -> f.status() != FindingStatus.IN_SYNC)
                .extracting(Finding::address, Finding::status)
                .containsExactlyInAnyOrder(tuple("aws_alb_listener_rule.web", FindingStatus.CHANGED),
                        tuple("aws_alb_target_group_attachment.web", FindingStatus.MISSING));
        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.CHANGED)
                .flatExtracting(Finding::diffs).extracting(AttributeDiff::dottedPath).containsExactly("priority");
    }

    /** Lists the canonical types as a scan of this state does (details for what it manages), then reconciles. */
    private static Reconciliation scan(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        try (AwsSession session = MotoAws.session()) {
            var inventory = new AwsScanner().scan(session, List.of(MotoAws.REGION), Collectors.forTypes(LISTED),
                    false, managed, ListingListener.NONE);
            return reconciler.reconcile(List.of(state), inventory, IgnoreRules.none());
        }
    }

    /** What provider 5.x writes for the three, trimmed to the attributes a reader needs; names as in the state. */
    private StateSnapshot aliasState() {
        String lb = balancer.loadBalancerArn();
        Map<String, Object> tags = Map.of("Environment", "dev");
        StateResource alb = resource("aws_alb", lb, Map.ofEntries(
                Map.entry("id", lb), Map.entry("arn", lb), Map.entry("name", "web"),
                Map.entry("load_balancer_type", "application"), Map.entry("internal", false),
                Map.entry("subnets", subnets.reversed()), Map.entry("security_groups", balancer.securityGroups()),
                Map.entry("vpc_id", vpc), Map.entry("idle_timeout", 60), Map.entry("enable_http2", true),
                Map.entry("tags", tags), Map.entry("tags_all", tags)));
        StateResource targetGroup = resource("aws_alb_target_group", group.targetGroupArn(), Map.ofEntries(
                Map.entry("id", group.targetGroupArn()), Map.entry("arn", group.targetGroupArn()),
                Map.entry("name", "web"), Map.entry("port", 80), Map.entry("protocol", "HTTP"),
                Map.entry("vpc_id", vpc), Map.entry("target_type", "instance"),
                // The whole block, as the provider writes it, with the defaults AWS (and moto) fill in.
                Map.entry("health_check", List.of(Map.of("enabled", true, "healthy_threshold", 5, "interval", 30,
                        "matcher", "200", "path", "/health", "port", "traffic-port", "protocol", "HTTP", "timeout", 5,
                        "unhealthy_threshold", 2))),
                Map.entry("tags", tags), Map.entry("tags_all", tags)));
        StateResource listener = resource("aws_alb_listener", listenerArn, Map.ofEntries(
                Map.entry("id", listenerArn), Map.entry("arn", listenerArn), Map.entry("load_balancer_arn", lb),
                Map.entry("port", 80), Map.entry("protocol", "HTTP"),
                Map.entry("default_action", List.of(Map.of("type", "forward",
                        "target_group_arn", group.targetGroupArn())))));
        // Trimmed: what the rule's actions and conditions look like is LoadBalancerChildCollectors' business.
        StateResource rule = resource("aws_alb_listener_rule", ruleArn, Map.of("id", ruleArn, "arn", ruleArn,
                "listener_arn", listenerArn, "priority", 10, "tags", Map.of(), "tags_all", Map.of()));
        // The provider's generated id; the match is on group, target and port.
        String attachmentId = ipGroupArn + "-20250101000000000000000001";
        StateResource attachment = resource("aws_alb_target_group_attachment", attachmentId, Map.of(
                "id", attachmentId, "target_group_arn", ipGroupArn, "target_id", TARGET_IP, "port", 80));
        StateResource ipGroup = new StateResource("aws_alb_target_group.ips", "", "aws_alb_target_group", "ips",
                ipGroupArn, "alb.tfstate", Map.of("id", ipGroupArn, "arn", ipGroupArn, "name", "ips"));
        return new StateSnapshot("alb.tfstate", 1, "alb", "1.11.4",
                List.of(alb, targetGroup, ipGroup, listener, rule, attachment));
    }

    private static StateResource resource(String type, String id, Map<String, Object> attributes) {
        return new StateResource(type + ".web", "", type, "web", id, "alb.tfstate", attributes);
    }
}
