package dev.driftdeck.drift;

/**
 * One resource type a scan checks, as the console's Coverage page lists it: no listing code, just what it covers.
 *
 * @param type      Terraform resource type
 * @param global    listed once per account rather than once per region
 * @param compared  how many of the provider's arguments are compared
 * @param arguments how many arguments the provider's schema gives the type
 * @param aliasOf   the canonical type when this is another name for it ({@code aws_alb}), else null
 */
public record SupportedType(String type, boolean global, int compared, int arguments, String aliasOf) {

    /** {@code 8/10}. */
    public String attributeCoverage() {
        return compared + "/" + arguments;
    }
}
