package dev.driftdeck.store;

import java.time.Instant;

/**
 * A drift already announced (V11 {@code notification_sent}): announced once, until it is resolved.
 *
 * @param driftKey the drift's identity ({@link #keyOf})
 * @param type     resource type
 * @param id       resource id
 * @param account  account, or null
 * @param region   region, or null
 * @param status   CHANGED, MISSING or UNMANAGED
 * @param severity its severity when announced, or null
 * @param resource how the message named it (address, else type and id)
 * @param sentAt   when it was announced
 */
public record SentDrift(String driftKey, String type, String id, String account, String region, String status,
                        String severity, String resource, Instant sentAt) {

    /** SHA-256 (hex) of type, id, account, region and status: one drift, whatever its address or severity. */
    public static String keyOf(String type, String id, String account, String region, String status) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            String joined = String.join("\u001f", type, id, String.valueOf(account), String.valueOf(region), status);
            return java.util.HexFormat.of().formatHex(digest.digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
