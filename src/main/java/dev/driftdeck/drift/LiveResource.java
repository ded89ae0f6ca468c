package dev.driftdeck.drift;

import java.util.Map;

/**
 * One resource as listed from AWS, with its compared attributes already mapped to Terraform's
 * attribute names and shapes (so {@code tags} is a map, {@code ingress} a list of rule maps...).
 *
 * @param type       Terraform resource type, e.g. {@code aws_instance}
 * @param id         the id exactly as Terraform writes it
 * @param account    AWS account id
 * @param region     region, or {@code global} for global services
 * @param attributes live attribute values (String, Number, Boolean, List, Map, null)
 */
public record LiveResource(String type, String id, String account, String region, Map<String, Object> attributes) {

    public ResourceKey key() {
        return new ResourceKey(type, id);
    }
}
