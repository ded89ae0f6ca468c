package dev.driftdeck.drift;

/** One listing unit of a scan: a resource type in one account and region ({@code global} for global types). */
public record ListingScope(String account, String region, String type) {
    public static final String GLOBAL = "global";
}
