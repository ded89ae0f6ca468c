package dev.driftdeck.state;

import java.util.Map;

/**
 * One managed resource instance read from a tfstate, with sensitive values already masked.
 *
 * @param address    full Terraform address with module path and index key,
 *                   e.g. {@code module.app.aws_instance.web[0]} or {@code aws_sqs_queue.q["orders"]}
 * @param module     module path, e.g. {@code module.app}, or empty for the root module
 * @param type       resource type, e.g. {@code aws_instance}
 * @param name       resource name inside its module, e.g. {@code web}
 * @param id         the {@code id} attribute as Terraform wrote it
 * @param sourceUri  the state source it came from, e.g. {@code tfstate://states/prod.tfstate}
 * @param attributes attribute values as plain Java values (String, Number, Boolean, List, Map, null);
 *                   a value under a sensitive path is replaced by {@link Sensitive#MASK}
 */
public record StateResource(
        String address,
        String module,
        String type,
        String name,
        String id,
        String sourceUri,
        Map<String, Object> attributes) {
}
