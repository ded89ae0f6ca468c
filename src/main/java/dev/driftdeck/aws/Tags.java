package dev.driftdeck.aws;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns AWS tag lists into Terraform's {@code tags} map. */
final class Tags {

    private Tags() {
    }

    /** Key/value pairs of any SDK tag type as a sorted map; an absent list is an empty map, as Terraform writes it. */
    static <T> Map<String, Object> toMap(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, Object> map = new TreeMap<>();
        if (tags != null) {
            for (T tag : tags) {
                map.put(key.apply(tag), value.apply(tag));
            }
        }
        return map;
    }

    static Map<String, Object> ec2(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
        return toMap(tags, software.amazon.awssdk.services.ec2.model.Tag::key,
                software.amazon.awssdk.services.ec2.model.Tag::value);
    }
}
