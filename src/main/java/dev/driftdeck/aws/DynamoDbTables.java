package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * A DynamoDB table's settings in the shapes {@code aws_dynamodb_table} writes them (provider 5.100): nested blocks as
 * lists, a setting AWS leaves out as the provider's default (PROVISIONED, STANDARD, disabled, 0).
 */
final class DynamoDbTables {

    private DynamoDbTables() {
    }

    static Attributes attributes(TableDescription table, ContinuousBackupsDescription recovery,
                                 TimeToLiveDescription ttl, Supplier<String> awsManagedKey) {
        ProvisionedThroughputDescription throughput = table.provisionedThroughput();
        var stream = table.streamSpecification();
        return Attributes.of()
                // A table created without billing mode is PROVISIONED; AWS then omits the summary.
                .put("billing_mode", table.billingModeSummary() == null
                        ? "PROVISIONED" : table.billingModeSummary().billingModeAsString())
                .put("hash_key", keyOf(table.keySchema(), "HASH"))
                .put("range_key", keyOf(table.keySchema(), "RANGE"))
                .put("attribute", table.attributeDefinitions().stream()
                        .map(a -> Map.<String, Object>of("name", a.attributeName(), "type", a.attributeTypeAsString()))
                        .toList())
                .put("read_capacity", throughput == null ? 0L : throughput.readCapacityUnits())
                .put("write_capacity", throughput == null ? 0L : throughput.writeCapacityUnits())
                .put("on_demand_throughput", onDemand(table.onDemandThroughput()))
                .put("global_secondary_index", table.globalSecondaryIndexes().stream().map(index -> {
                    Map<String, Object> block = index(index.indexName(), index.keySchema(), index.projection());
                    block.put("hash_key", keyOf(index.keySchema(), "HASH"));
                    block.put("read_capacity", index.provisionedThroughput() == null
                            ? 0L : index.provisionedThroughput().readCapacityUnits());
                    block.put("write_capacity", index.provisionedThroughput() == null
                            ? 0L : index.provisionedThroughput().writeCapacityUnits());
                    block.put("on_demand_throughput", onDemand(index.onDemandThroughput()));
                    return block;
                }).toList())
                .put("local_secondary_index", table.localSecondaryIndexes().stream()
                        .map(index -> index(index.indexName(), index.keySchema(), index.projection())).toList())
                .put("deletion_protection_enabled", Boolean.TRUE.equals(table.deletionProtectionEnabled()))
                .put("point_in_time_recovery", List.of(pointInTimeRecovery(recovery)))
                .put("server_side_encryption", serverSideEncryption(table, awsManagedKey))
                .put("stream_enabled", stream != null && Boolean.TRUE.equals(stream.streamEnabled()))
                .put("stream_view_type", stream == null ? null : stream.streamViewTypeAsString())
                .put("table_class", table.tableClassSummary() == null || table.tableClassSummary().tableClass() == null
                        ? "STANDARD" : table.tableClassSummary().tableClassAsString())
                .put("ttl", List.of(Map.of(
                        "attribute_name", ttl == null || ttl.attributeName() == null ? "" : ttl.attributeName(),
                        "enabled", ttl != null && "ENABLED".equals(ttl.timeToLiveStatusAsString()))));
    }

    /**
     * The ARN of the region's AWS-managed {@code alias/aws/dynamodb} key, looked up at most once and only when a
     * table is encrypted with a KMS key; null when the region has none yet.
     */
    static Supplier<String> awsManagedKey(CollectorContext ctx) {
        return new Supplier<>() {
            private String arn;
            private boolean known;

            @Override
            public synchronized String get() {
                if (!known) {
                    try {
                        arn = ctx.session().kms(ctx.region()).describeKey(r -> r.keyId("alias/aws/dynamodb"))
                                .keyMetadata().arn();
                    } catch (NotFoundException none) {
                        arn = null;
                    }
                    known = true;
                }
                return arn;
            }
        };
    }

    /** Enabled with a customer key: that key; with AWS's own key the provider writes none; disabled: no block. */
    private static List<Map<String, Object>> serverSideEncryption(TableDescription table, Supplier<String> awsManagedKey) {
        var sse = table.sseDescription();
        if (sse == null || !"ENABLED".equals(sse.statusAsString())) {
            return List.of();
        }
        String key = sse.kmsMasterKeyArn();
        if (key != null && key.equals(awsManagedKey.get())) {
            key = "";
        }
        return List.of(Map.of("enabled", true, "kms_key_arn", key == null ? "" : key));
    }

    private static Map<String, Object> pointInTimeRecovery(ContinuousBackupsDescription recovery) {
        var pitr = recovery == null ? null : recovery.pointInTimeRecoveryDescription();
        boolean enabled = pitr != null && "ENABLED".equals(pitr.pointInTimeRecoveryStatusAsString());
        Integer days = pitr == null ? null : pitr.recoveryPeriodInDays();
        return Map.of("enabled", enabled, "recovery_period_in_days", days == null ? 0 : days);
    }

    private static List<Map<String, Object>> onDemand(OnDemandThroughput throughput) {
        if (throughput == null) {
            return List.of();
        }
        Attributes block = Attributes.of();
        if (throughput.maxReadRequestUnits() != null) {
            block.put("max_read_request_units", throughput.maxReadRequestUnits());
        }
        if (throughput.maxWriteRequestUnits() != null) {
            block.put("max_write_request_units", throughput.maxWriteRequestUnits());
        }
        return List.of(block.build());
    }

    private static Map<String, Object> index(String name, List<KeySchemaElement> keys, Projection projection) {
        Map<String, Object> block = new java.util.LinkedHashMap<>();
        block.put("name", name);
        block.put("range_key", keyOf(keys, "RANGE"));
        block.put("projection_type", projection == null ? null : projection.projectionTypeAsString());
        block.put("non_key_attributes", projection == null ? List.of() : new ArrayList<>(projection.nonKeyAttributes()));
        return block;
    }

    private static String keyOf(List<KeySchemaElement> keys, String keyType) {
        return keys.stream().filter(k -> keyType.equals(k.keyTypeAsString()))
                .map(KeySchemaElement::attributeName).findFirst().orElse(null);
    }
}
