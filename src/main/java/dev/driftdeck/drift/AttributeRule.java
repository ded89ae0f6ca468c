package dev.driftdeck.drift;

/** One compared attribute of a resource type: its top-level Terraform name and how to normalise it. */
public record AttributeRule(String name, Normalization normalization) {
}
