package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import dev.driftdeck.remediation.ImportIds;

/**
 * VPC flow logs. AWS cannot edit a flow log (only delete it or retag it), so the compared attributes mostly confirm
 * that the log in state is the one still running. {@code destination_options} is read back as the provider stores
 * it (the flags AWS leaves out are false).
 */
final class FlowLogCollectors {

    static final String FLOW_LOG = "aws_flow_log";

    // The provider's attribute for each kind of resource a flow log watches, by id prefix (longest first).
    private static final List<Map.Entry<String, String>> WATCHED = List.of(
            Map.entry("tgw-attach-", "transit_gateway_attachment_id"),
            Map.entry("tgw-", "transit_gateway_id"),
            Map.entry("vpc-", "vpc_id"),
            Map.entry("subnet-", "subnet_id"),
            Map.entry("eni-", "eni_id"));

    private FlowLogCollectors() {
    }

    static List<CollectorDefinition> all() {
        CollectorDefinition.Builder flowLog = CollectorDefinition.regional(FLOW_LOG).actions("ec2:DescribeFlowLogs");
        WATCHED.forEach(watched -> flowLog.compare(watched.getValue(), STRING));
        return List.of(flowLog
                .compare("traffic_type", CASE_INSENSITIVE).compare("log_destination_type", CASE_INSENSITIVE)
                .compare("log_destination", STRING).compare("log_format", STRING)
                .compare("max_aggregation_interval", SCALAR).compare("iam_role_arn", STRING)
                .compare("deliver_cross_account_role", STRING).compare("log_group_name", STRING)
                .compare("destination_options", SET).compareTags()
                .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeFlowLogsPaginator().flowLogs().stream()
                        .map(log -> ctx.resource(FLOW_LOG, log.flowLogId(), attributes(log)))
                        .toList()));
    }

    static Map<String, Object> attributes(FlowLog log) {
        Attributes attributes = Attributes.of();
        String watched = WATCHED.stream().filter(w -> log.resourceId() != null && log.resourceId().startsWith(w.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        WATCHED.forEach(w -> attributes.put(w.getValue(), w.getValue().equals(watched) ? log.resourceId() : null));
        return attributes
                .put("traffic_type", log.trafficTypeAsString())
                .put("log_destination_type", log.logDestinationTypeAsString())
                .put("log_destination", log.logDestination())
                .put("log_format", log.logFormat())
                .put("max_aggregation_interval", log.maxAggregationInterval())
                .put("iam_role_arn", log.deliverLogsPermissionArn())
                .put("deliver_cross_account_role", log.deliverCrossAccountRole())
                .put("log_group_name", log.logGroupName())
                .put("destination_options", log.destinationOptions() == null ? List.of() : List.of(Attributes.of()
                        .put("file_format", log.destinationOptions().fileFormatAsString())
                        .put("hive_compatible_partitions", Boolean.TRUE.equals(log.destinationOptions().hiveCompatiblePartitions()))
                        .put("per_hour_partition", Boolean.TRUE.equals(log.destinationOptions().perHourPartition()))
                        .build()))
                .put("tags", Tags.ec2(log.tags()))
                .build();
    }
}
