package dev.driftdeck.attribution;

/**
 * Where and under what name CloudTrail files the events of one resource.
 *
 * @param resourceName the {@code ResourceName} lookup attribute (and what a trail record names the resource by)
 * @param region       the region whose Event history (or trail folder) holds them
 */
public record LookupName(String resourceName, String region) {
}
