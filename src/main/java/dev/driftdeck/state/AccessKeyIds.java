package dev.driftdeck.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * AWS access key ids are stored and shown only redacted ({@code AKIA…6763-1f2e3d4c}): the kind prefix and last four
 * characters an operator recognises, plus a short hash so two keys never share a redacted id. The form is
 * deterministic, so a collector that redacts the live key id the same way still matches it to the state.
 */
public final class AccessKeyIds {

    /** Long-term (AKIA) and temporary (ASIA) access key ids: 4-letter prefix, then 16 upper-case base32 characters. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{12,}");

    private AccessKeyIds() {
    }

    public static boolean isAccessKeyId(String value) {
        return value != null && ACCESS_KEY_ID.matcher(value).matches();
    }

    /** The redacted form of an access key id; any other value is returned unchanged. */
    public static String redact(String value) {
        if (!isAccessKeyId(value)) {
            return value;
        }
        return value.substring(0, 4) + "…" + value.substring(value.length() - 4) + "-" + shortHash(value);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
