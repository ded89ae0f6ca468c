package dev.driftdeck.drift;

import java.util.Map;

/**
 * Where a state resource lives, as far as its own attributes say: the account and region in its ARN.
 * Either part is null when unknown (no ARN, or a global ARN with an empty region).
 */
record Placement(String account, String region) {

    static final Placement UNKNOWN = new Placement(null, null);

    static Placement of(Map<String, Object> attributes) {
        if (!(attributes.get("arn") instanceof String arn) || !arn.startsWith("arn:")) {
            return UNKNOWN;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 5) {
            return UNKNOWN;
        }
        return new Placement(emptyToNull(parts[4]), emptyToNull(parts[3]));
    }

    /** True when a listing of this scope could hold the resource. */
    boolean couldBeIn(ListingScope scope) {
        boolean accountFits = account == null || scope.account() == null || account.equals(scope.account());
        boolean regionFits = region == null || ListingScope.GLOBAL.equals(scope.region()) || region.equals(scope.region());
        return accountFits && regionFits;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
