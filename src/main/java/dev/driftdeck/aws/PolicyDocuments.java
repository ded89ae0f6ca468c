package dev.driftdeck.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** IAM returns policy documents URL-encoded (moto sometimes does, sometimes not); Terraform stores plain JSON. */
final class PolicyDocuments {

    private PolicyDocuments() {
    }

    /** The document as JSON text: decoded when it is URL-encoded (starts with {@code %7B}), else unchanged. */
    static String decode(String document) {
        if (document == null) {
            return null;
        }
        String trimmed = document.strip();
        if (!trimmed.regionMatches(true, 0, "%7B", 0, 3)) {
            return document;
        }
        // A literal '+' is not a space in RFC 3986 encoding, which IAM uses; keep it a '+'.
        return URLDecoder.decode(trimmed.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
