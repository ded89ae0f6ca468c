package dev.driftdeck.aws;

/**
 * An argument of a supported type that a scan deliberately does not compare, and why: the other half of "compared
 * or written down" that {@code docs/resource-types.md} and {@code driftdeck types} show next to the compared ones.
 * Use one of the reasons below where it fits, so the page reads the same type after type.
 */
public record NotCompared(String attribute, String reason) {

    /** The API never returns the value, so there is nothing live to compare. */
    public static final String NOT_RETURNED = "AWS does not return it";
    /** A secret Terraform writes once: reading it back is impossible or would put it in the scan. */
    public static final String WRITE_ONLY_SECRET = "write-only secret";
    /** A setting of Terraform or the provider (a flag, a wait, a helper input), not of the resource in AWS. */
    public static final String TERRAFORM_ONLY = "Terraform's own setting, nothing in AWS";
    /** An input used only when the resource is created (AWS keeps no trace of it, or it cannot change). */
    public static final String CREATE_ONLY = "input at creation only; AWS does not keep it";
    /** The resource's identity: part of the match id, so a different value is a different resource. */
    public static final String IDENTITY = "identity: part of the match id";
    /** Managed by another supported type, whose own finding reports a change. */
    public static final String OTHER_TYPE = "compared on the separate resource type that manages it";

    public NotCompared {
        if (attribute == null || attribute.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a not-compared attribute needs a name and a reason");
        }
    }

    /** The value costs one more API call per resource; {@code call} names it (e.g. {@code GetQueueAttributes}). */
    public static String costsACall(String call) {
        return "costs a " + call + " call per resource";
    }
}
