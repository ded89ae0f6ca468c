package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SpotInstanceRequest;
import dev.driftdeck.remediation.ImportIds;

/**
 * {@code aws_spot_instance_request} as the provider reads it: the request (DescribeSpotInstanceRequests, 1,000 per
 * page) and, for the requests a state manages that were fulfilled, the few settings of the launched instance the
 * provider reads back (network placement), from DescribeInstances (one call per 200 instances); the rest of the
 * instance it keeps as configured. The request's own tags win
 * over the instance's, as in the provider. Cancelled and closed requests no longer exist for Terraform. The instance
 * itself is the request's: it is never an unmanaged {@code aws_instance} while a state manages its request.
 */
final class SpotInstanceRequests {

    static final String SPOT_REQUEST = "aws_spot_instance_request";
    private static final int PAGE = 1000;
    /** DescribeInstances' largest filter. */
    private static final int FILTER_VALUES = 200;
    /** Seen in a state provider 5.100.0 refreshed: it keeps these as configured, never as the instance has them. */
    private static final String NOT_READ_BACK = "the provider does not read it back for a spot request";
    /** What the provider writes for a time AWS does not give (Go's zero time). */
    private static final String NO_TIME = "0001-01-01T00:00:00Z";
    private static final List<String> GONE = List.of("cancelled", "closed");

    private SpotInstanceRequests() {
    }

    static CollectorDefinition definition() {
        return CollectorDefinition.regional(SPOT_REQUEST).actions("ec2:DescribeSpotInstanceRequests",
                        "ec2:DescribeInstances")
                .compare("spot_price", STRING).compare("spot_type", STRING)
                .compare("instance_interruption_behavior", STRING).compare("launch_group", STRING)
                .compare("block_duration_minutes", SCALAR).compare("valid_from", STRING)
                .compare("valid_until", STRING).compareTags()
                .compare("instance_type", STRING).compare("ami", STRING).compare("key_name", STRING)
                .compare("subnet_id", STRING).compare("vpc_security_group_ids", SET).compare("private_ip", STRING)
                .compare("associate_public_ip_address", SCALAR).compare("source_dest_check", SCALAR)
                .notCompared(NOT_READ_BACK, "availability_zone", "tenancy", "placement_group",
                        "placement_partition_number", "host_id", "host_resource_group_arn", "cpu_options",
                        "cpu_core_count", "cpu_threads_per_core", "hibernation", "enclave_options",
                        "maintenance_options", "metadata_options", "private_dns_name_options",
                        "capacity_reservation_specification", "iam_instance_profile", "ipv6_address_count",
                        "ipv6_addresses", "secondary_private_ips", "ebs_optimized", "monitoring",
                        "disable_api_termination", "disable_api_stop", "instance_initiated_shutdown_behavior",
                        "user_data", "user_data_base64", "credit_specification", "launch_template")
                .notCompared(NotCompared.costsACall("DescribeVolumes"), "root_block_device", "ebs_block_device",
                        "volume_tags")
                .notCompared(NotCompared.NOT_RETURNED, "ephemeral_block_device")
                .notCompared(NotCompared.TERRAFORM_ONLY, "get_password_data", "user_data_replace_on_change",
                        "wait_for_fulfillment")
                .notCompared("the provider never reads it back", "enable_primary_ipv6")
                .notCompared("group names, a launch input outside a VPC; the same groups are compared as"
                        + " vpc_security_group_ids", "security_groups")
                .notCompared("interfaces attached at launch; the provider reads back only the configured device"
                        + " indexes", "network_interface")
                .importId(ImportIds.SAME_AS_ID).listedBy(SpotInstanceRequests::list);
    }

    private static List<LiveResource> list(CollectorContext ctx) {
        List<SpotInstanceRequest> requests = ctx.ec2()
                .describeSpotInstanceRequestsPaginator(r -> r.maxResults(PAGE)).spotInstanceRequests().stream()
                .filter(request -> !GONE.contains(request.stateAsString()))
                .toList();
        Map<String, Instance> instances = launched(ctx, requests.stream()
                .filter(request -> ctx.manages(SPOT_REQUEST, request.spotInstanceRequestId()))
                .map(SpotInstanceRequest::instanceId).filter(id -> id != null && !id.isEmpty()).toList());
        List<LiveResource> live = new ArrayList<>();
        for (SpotInstanceRequest request : requests) {
            String id = request.spotInstanceRequestId();
            if (!ctx.manages(SPOT_REQUEST, id)) {
                live.add(ctx.identityOnly(SPOT_REQUEST, id));
                continue;
            }
            Instance instance = request.instanceId() == null ? null : instances.get(request.instanceId());
            Map<String, Object> described = instance == null ? Map.of() : Ec2Instances.described(instance).build();
            Attributes attributes = Attributes.of();
            for (String read : List.of("subnet_id", "vpc_security_group_ids", "private_ip",
                    "associate_public_ip_address", "source_dest_check")) {
                attributes.put(read, described.get(read));
            }
            var launch = request.launchSpecification();
            live.add(ctx.resource(SPOT_REQUEST, id, attributes
                    .put("spot_price", request.spotPrice())
                    .put("spot_type", request.typeAsString())
                    .put("instance_interruption_behavior", request.instanceInterruptionBehaviorAsString())
                    .put("launch_group", request.launchGroup())
                    .put("block_duration_minutes", request.blockDurationMinutes() == null ? 0 : request.blockDurationMinutes())
                    .put("valid_from", rfc3339(request.validFrom()))
                    .put("valid_until", rfc3339(request.validUntil()))
                    .put("tags", Tags.ec2(request.tags()))
                    .put("instance_type", launch == null ? null : launch.instanceTypeAsString())
                    .put("ami", launch == null ? null : launch.imageId())
                    .put("key_name", launch == null ? null : launch.keyName())
                    .build()));
        }
        return live;
    }

    /**
     * Instance id to the request that launched it, read only when a state manages spot requests (one listing): the
     * instance's own SpotInstanceRequestId, which AWS also returns, is not returned by every endpoint (moto).
     */
    static Map<String, String> requestByInstance(CollectorContext ctx) {
        if (ctx.managed().ids(SPOT_REQUEST).isEmpty()) {
            return Map.of();
        }
        Map<String, String> byInstance = new HashMap<>();
        ctx.ec2().describeSpotInstanceRequestsPaginator(r -> r.maxResults(PAGE)).spotInstanceRequests()
                .forEach(request -> {
                    if (request.instanceId() != null) {
                        byInstance.put(request.instanceId(), request.spotInstanceRequestId());
                    }
                });
        return byInstance;
    }

    /** The provider formats times as RFC 3339 in UTC, seconds precision. */
    private static String rfc3339(Instant time) {
        return time == null ? NO_TIME : time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Instance> launched(CollectorContext ctx, List<String> instanceIds) {
        Map<String, Instance> instances = new HashMap<>();
        // A filter, not InstanceIds: an instance gone meanwhile must not fail the listing.
        for (int from = 0; from < instanceIds.size(); from += FILTER_VALUES) {
            List<String> batch = instanceIds.subList(from, Math.min(instanceIds.size(), from + FILTER_VALUES));
            ctx.ec2().describeInstancesPaginator(r -> r.filters(f -> f.name("instance-id").values(batch))).reservations()
                    .forEach(reservation -> reservation.instances()
                            .forEach(instance -> instances.put(instance.instanceId(), instance)));
        }
        return instances;
    }
}
