package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import dev.driftdeck.remediation.ImportIds;

/**
 * What ties an EC2 object to an instance, per region: Elastic IP associations (from DescribeAddresses, which has no
 * pages) and EBS volume attachments (from DescribeVolumes at its largest page).
 */
final class AttachmentCollectors {

    static final String EIP_ASSOCIATION = "aws_eip_association";
    static final String VOLUME_ATTACHMENT = "aws_volume_attachment";

    private static final int VOLUME_PAGE = 500;
    private static final int INSTANCE_PAGE = 1000;
    private static final int NAT_PAGE = 1000;

    private AttachmentCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the association id. aws_eip can hold the association inline (instance,
                // network_interface): under a managed address it is the address's.
                CollectorDefinition.regional(EIP_ASSOCIATION).actions("ec2:DescribeAddresses", "ec2:DescribeNatGateways")
                        .partOf("aws_eip", "allocation_id")
                        .compare("allocation_id", STRING).compare("instance_id", STRING)
                        .compare("network_interface_id", STRING).compare("private_ip_address", STRING)
                        .compare("public_ip", STRING)
                        .notCompared(NotCompared.TERRAFORM_ONLY, "allow_reassociation")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AttachmentCollectors::eipAssociations),
                // Terraform's id is a hash of device, instance and volume ("vai-123"): matched on the three.
                CollectorDefinition.regional(VOLUME_ATTACHMENT).actions("ec2:DescribeVolumes", "ec2:DescribeInstances")
                        .idFrom("device_name", "volume_id", "instance_id")
                        .notCompared(NotCompared.IDENTITY, "device_name", "volume_id", "instance_id")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_detach", "skip_destroy",
                                "stop_instance_before_detaching")
                        .importId(ImportIds.computed("DEVICENAME:VOLUMEID:INSTANCEID", ImportIdsOf::volumeAttachment)).listedBy(AttachmentCollectors::volumeAttachments));
    }

    /**
     * An address a NAT gateway uses is associated by AWS with the gateway's interface: that association is the
     * gateway's ({@code aws_nat_gateway.allocation_id}), dropped unless strict or managed.
     */
    private static List<LiveResource> eipAssociations(CollectorContext ctx) {
        java.util.Set<String> natAddresses = new java.util.HashSet<>();
        ctx.ec2().describeNatGatewaysPaginator(r -> r.maxResults(NAT_PAGE)).natGateways().forEach(gateway ->
                gateway.natGatewayAddresses().forEach(address -> natAddresses.add(address.allocationId())));
        List<LiveResource> associations = new ArrayList<>();
        for (Address address : ctx.ec2().describeAddresses(r -> { }).addresses()) {
            if (address.associationId() == null) {
                continue;
            }
            if (natAddresses.contains(address.allocationId()) && !ctx.strict()
                    && !ctx.manages(EIP_ASSOCIATION, address.associationId())) {
                continue;
            }
            associations.add(ctx.resource(EIP_ASSOCIATION, address.associationId(), Attributes.of()
                    .put("allocation_id", address.allocationId())
                    .put("instance_id", address.instanceId())
                    .put("network_interface_id", address.networkInterfaceId())
                    .put("private_ip_address", address.privateIpAddress())
                    .put("public_ip", address.publicIp())
                    .build()));
        }
        return associations;
    }

    /**
     * Attachments made with the instance are aws_instance's ({@code root_block_device}, {@code ebs_block_device}),
     * dropped unless strict or managed: its root device (one DescribeInstances listing tells which) and the volumes
     * AWS deletes with it. What an operator attaches later keeps its volume on termination.
     */
    private static List<LiveResource> volumeAttachments(CollectorContext ctx) {
        java.util.Set<String> rootDevices = new java.util.HashSet<>();
        ctx.ec2().describeInstancesPaginator(r -> r.maxResults(INSTANCE_PAGE)).reservations().forEach(reservation ->
                reservation.instances().forEach(instance ->
                        rootDevices.add(instance.rootDeviceName() + "/" + instance.instanceId())));
        List<LiveResource> attachments = new ArrayList<>();
        for (Volume volume : ctx.ec2().describeVolumesPaginator(r -> r.maxResults(VOLUME_PAGE)).volumes()) {
            for (VolumeAttachment attachment : volume.attachments()) {
                String state = attachment.stateAsString();
                if (!"attached".equals(state) && !"attaching".equals(state)) {
                    continue;
                }
                String id = attachment.device() + "/" + attachment.volumeId() + "/" + attachment.instanceId();
                boolean ofTheInstance = Boolean.TRUE.equals(attachment.deleteOnTermination())
                        || rootDevices.contains(attachment.device() + "/" + attachment.instanceId());
                if (ofTheInstance && !ctx.strict() && !ctx.manages(VOLUME_ATTACHMENT, id)) {
                    continue;
                }
                attachments.add(ctx.resource(VOLUME_ATTACHMENT, id, Attributes.of()
                        .put("device_name", attachment.device())
                        .put("volume_id", attachment.volumeId())
                        .put("instance_id", attachment.instanceId())
                        .build()));
            }
        }
        return attachments;
    }
}
