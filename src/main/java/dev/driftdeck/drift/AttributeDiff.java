package dev.driftdeck.drift;

import java.util.List;

/**
 * One attribute difference.
 *
 * @param path     attribute path segments, e.g. {@code ["tags", "Owner"]} or {@code ["ingress", "0", "cidr_blocks"]}
 * @param expected the value in state, rendered as canonical JSON text ({@code null} when {@link DiffKind#ADDED})
 * @param actual   the value live, rendered as canonical JSON text ({@code null} when {@link DiffKind#REMOVED})
 * @param kind     added, removed or changed
 */
public record AttributeDiff(List<String> path, String expected, String actual, DiffKind kind) {

    public AttributeDiff {
        path = List.copyOf(path);
    }

    /** The path as an operator reads it: {@code tags.Owner}. */
    public String dottedPath() {
        return String.join(".", path);
    }
}
