package dev.driftdeck.notify;

import java.net.URI;

/**
 * A secret target as the console, the logs and the history may show it: scheme and host, then {@code …/} and the
 * last four characters ({@code https://hooks.slack.com/…/XXXX}); an SMTP URL keeps its user and host, never its
 * password ({@code smtp://alerts@mail.example.com:587}).
 */
public final class Masked {

    private Masked() {
    }

    public static String target(String target) {
        URI uri;
        try {
            uri = URI.create(target.trim());
        } catch (IllegalArgumentException e) {
            return "…" + last4(target);
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null) {
            return "…" + last4(target);
        }
        if (scheme.startsWith("smtp")) {
            String user = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo().split(":", 2)[0] + "@";
            return scheme + "://" + user + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…/" + last4(target);
    }

    private static String last4(String text) {
        String trimmed = text.trim();
        return trimmed.length() <= 4 ? "" : trimmed.substring(trimmed.length() - 4);
    }
}
