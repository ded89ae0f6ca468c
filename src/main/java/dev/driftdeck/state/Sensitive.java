package dev.driftdeck.state;

/** How a masked secret looks wherever it is stored, shown or exported. */
public final class Sensitive {
    public static final String MASK = "(sensitive)";

    private Sensitive() {
    }

    /**
     * A value that may be a secret but is compared, in the form kept and shown: {@code (sensitive 1f2e3d4c)}, the
     * first four bytes of its HMAC-SHA256 under this process's random key. Equal values give equal fingerprints
     * within a scan, so state and live compare; the fingerprint means nothing outside this process.
     */
    public static String fingerprint(String value) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(FINGERPRINT_KEY);
            byte[] digest = mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "(sensitive " + java.util.HexFormat.of().formatHex(digest, 0, 4) + ")";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * A random key of this process: state and live values fingerprinted in one scan compare, but a stored or
     * exported fingerprint cannot be checked against a guessed value (a plain hash prefix of a weak password
     * could be, by trying a dictionary).
     */
    private static final javax.crypto.spec.SecretKeySpec FINGERPRINT_KEY = newKey();

    private static javax.crypto.spec.SecretKeySpec newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
    }
}
