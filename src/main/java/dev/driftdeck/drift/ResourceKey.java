package dev.driftdeck.drift;

/** The identity used for matching state to live: Terraform type and id. */
public record ResourceKey(String type, String id) {
}
