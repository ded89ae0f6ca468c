package dev.driftdeck.drift;

import java.util.List;

/**
 * What the drift engine needs to know about one supported resource type: the attributes it compares.
 * Every attribute not listed is not compared (volatile or not mapped by the collector).
 */
public record TypeSpec(String type, List<AttributeRule> compared) {

    public TypeSpec {
        compared = List.copyOf(compared);
    }
}
