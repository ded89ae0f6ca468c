package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * {@code aws_instance}, id {@code i-...}. Terminated instances linger in DescribeInstances for a while but no
 * longer exist for Terraform, so they are skipped.
 */
final class InstanceCollector implements Collector {

    static final String TYPE = "aws_instance";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public TypeSpec spec() {
        return new TypeSpec(TYPE, List.of(), List.of(
                new AttributeRule("instance_type", STRING),
                new AttributeRule("ami", STRING),
                new AttributeRule("subnet_id", STRING),
                new AttributeRule("vpc_security_group_ids", SET),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeInstances");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        // The paginator pages by reservation; instances() flattens every reservation of every page.
        return ctx.ec2().describeInstancesPaginator().reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(instance -> !isTerminated(instance))
                .map(instance -> ctx.resource(TYPE, instance.instanceId(), Attributes.of()
                        .put("instance_type", instance.instanceTypeAsString())
                        .put("ami", instance.imageId())
                        .put("subnet_id", instance.subnetId())
                        .put("vpc_security_group_ids",
                                instance.securityGroups().stream().map(GroupIdentifier::groupId).sorted().toList())
                        .put("tags", Tags.ec2(instance.tags()))
                        .build()))
                .toList();
    }

    private static boolean isTerminated(Instance instance) {
        return instance.state() != null && instance.state().name() == InstanceStateName.TERMINATED;
    }
}
