package dev.driftdeck.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with
 * the secret's bytes ({@code whsec_} and base64).
 */
public final class StandardWebhookSignature {

    private static final String PREFIX = "whsec_";

    private StandardWebhookSignature() {
    }

    /**
     * @param secret    {@code whsec_<base64>} (the prefix may be left out)
     * @param id        the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}, seconds since the epoch
     * @throws IllegalArgumentException when the secret is not base64, saying so (and never repeating it)
     */
    public static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = key(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code secret} is a usable signing secret; the message names the problem without the secret. */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The webhook signing secret is not whsec_ followed by base64; copy it"
                    + " again from the receiver (DRIFTDECK_WEBHOOK_SECRET or the channel's secret)", e);
        }
    }
}
