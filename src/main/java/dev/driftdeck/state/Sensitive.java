package dev.driftdeck.state;

/** How a masked secret looks wherever it is stored, shown or exported. */
public final class Sensitive {
    public static final String MASK = "(sensitive)";

    private Sensitive() {
    }

    /**
     * A value that may be a secret but is compared, in the form kept and shown: {@code (sensitive 1f2e3d4c)}, the
     * first four bytes of its SHA-256. Equal values give equal fingerprints, so state and live compare; a 32-bit
     * prefix of a digest tells nothing usable about a secret worth the name.
     */
    public static String fingerprint(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "(sensitive " + java.util.HexFormat.of().formatHex(digest, 0, 4) + ")";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
