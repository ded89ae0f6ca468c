package dev.driftdeck.aws;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * A Lambda event source mapping in the provider 5.100 state's shape: absent numbers 0 and flags false as the provider
 * writes them, each configuration block a one-element list (absent: none), {@code enabled} from the mapping's state.
 */
final class EventSourceMappings {

    private EventSourceMappings() {
    }

    /**
     * @param functionSpelling the state's function_name (a name or an ARN, both accepted by the provider): written
     *                         back when it names the live function, so the spelling alone is never drift
     */
    static Map<String, Object> attributes(EventSourceMappingConfiguration m, String functionSpelling,
                                          Map<String, String> tags) {
        return Attributes.of()
                .put("function_name", sameFunction(functionSpelling, m.functionArn()) ? functionSpelling : m.functionArn())
                .put("event_source_arn", m.eventSourceArn())
                .put("enabled", enabled(m.state()))
                .put("batch_size", number(m.batchSize()))
                .put("maximum_batching_window_in_seconds", number(m.maximumBatchingWindowInSeconds()))
                .put("bisect_batch_on_function_error", Boolean.TRUE.equals(m.bisectBatchOnFunctionError()))
                .put("maximum_record_age_in_seconds", number(m.maximumRecordAgeInSeconds()))
                .put("maximum_retry_attempts", number(m.maximumRetryAttempts()))
                .put("parallelization_factor", number(m.parallelizationFactor()))
                .put("tumbling_window_in_seconds", number(m.tumblingWindowInSeconds()))
                .put("starting_position", m.startingPositionAsString())
                .put("starting_position_timestamp", m.startingPositionTimestamp() == null ? null
                        : m.startingPositionTimestamp().toString())
                .put("function_response_types", m.functionResponseTypesAsStrings())
                .put("filter_criteria", m.filterCriteria() == null || m.filterCriteria().filters().isEmpty() ? List.of()
                        : List.of(Map.of("filter", m.filterCriteria().filters().stream()
                                .map(f -> Map.of("pattern", f.pattern() == null ? "" : f.pattern())).toList())))
                .put("destination_config", m.destinationConfig() == null || m.destinationConfig().onFailure() == null
                        || m.destinationConfig().onFailure().destination() == null ? List.of()
                        : List.of(Map.of("on_failure", List.of(Map.of("destination_arn",
                                m.destinationConfig().onFailure().destination())))))
                .put("scaling_config", block(m.scalingConfig(), s -> Map.of("maximum_concurrency",
                        number(s.maximumConcurrency()))))
                .put("metrics_config", block(m.metricsConfig(), c -> Map.of("metrics", c.metricsAsStrings())))
                .put("provisioned_poller_config", block(m.provisionedPollerConfig(), p -> Map.of(
                        "maximum_pollers", number(p.maximumPollers()), "minimum_pollers", number(p.minimumPollers()))))
                .put("kms_key_arn", m.kmsKeyArn())
                .put("queues", m.queues())
                .put("topics", m.topics())
                .put("source_access_configuration", m.sourceAccessConfigurations().stream()
                        .map(s -> Map.of("type", text(s.typeAsString()), "uri", text(s.uri()))).toList())
                .put("self_managed_event_source", m.selfManagedEventSource() == null ? List.of()
                        : List.of(Map.of("endpoints", m.selfManagedEventSource().endpointsAsStrings().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                        e -> String.join(",", e.getValue()))))))
                .put("amazon_managed_kafka_event_source_config", block(m.amazonManagedKafkaEventSourceConfig(),
                        k -> Map.of("consumer_group_id", text(k.consumerGroupId()))))
                .put("self_managed_kafka_event_source_config", block(m.selfManagedKafkaEventSourceConfig(),
                        k -> Map.of("consumer_group_id", text(k.consumerGroupId()))))
                .put("document_db_event_source_config", block(m.documentDBEventSourceConfig(), d -> Map.of(
                        "database_name", text(d.databaseName()), "collection_name", text(d.collectionName()),
                        "full_document", text(d.fullDocumentAsString()))))
                .put("tags", Map.copyOf(tags))
                .build();
    }

    /** The provider's reading: Enabled or Enabling is enabled, Disabled or Disabling is not; other states pass. */
    private static Object enabled(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "Enabled", "Enabling" -> true;
            case "Disabled", "Disabling" -> false;
            default -> state;
        };
    }

    private static boolean sameFunction(String spelling, String functionArn) {
        if (spelling == null || functionArn == null) {
            return false;
        }
        return spelling.equals(functionArn) || !spelling.startsWith("arn:")
                && spelling.equals(LambdaCollectors.functionName(functionArn));
    }

    private static <T> List<Map<String, Object>> block(T value, Function<T, Map<String, Object>> flatten) {
        return value == null ? List.of() : List.of(flatten.apply(value));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }
}
