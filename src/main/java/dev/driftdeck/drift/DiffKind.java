package dev.driftdeck.drift;

/** How one attribute differs between state (expected) and AWS (actual). */
public enum DiffKind {
    /** Present live, absent in state. */
    ADDED,
    /** Present in state, absent live. */
    REMOVED,
    /** Present on both sides with different values. */
    CHANGED
}
