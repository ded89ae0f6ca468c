package dev.driftdeck.notify;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SMTP relay as one URL: {@code smtp://user:password@host:587?from=driftdeck@example.com&to=ops@example.com,sec@example.com}
 * (STARTTLS required; port 587 by default) or {@code smtps://...} (TLS from the start; port 465). {@code trust=HOST}
 * accepts that host's certificate without a CA (a private relay with a self-signed certificate).
 */
record SmtpTarget(boolean implicitTls, String host, int port, String user, String password, String from,
                  List<String> to, String trust) {

    static SmtpTarget of(String url) {
        URI uri = URI.create(url);
        boolean tls = "smtps".equalsIgnoreCase(uri.getScheme());
        Map<String, String> query = query(uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String from = query.getOrDefault("from", user != null && user.contains("@") ? user : null);
        List<String> to = new ArrayList<>();
        for (String address : query.getOrDefault("to", "").split(",")) {
            if (!address.isBlank()) {
                to.add(address.trim());
            }
        }
        if (from == null || to.isEmpty()) {
            throw new IllegalArgumentException("The e-mail URL " + Masked.target(url) + " needs ?from=SENDER&to=RECIPIENT"
                    + " (to: comma-separated)");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
        return new SmtpTarget(tls, uri.getHost(), port, user, password, from, List.copyOf(to), query.get("trust"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return (implicitTls ? "smtps://" : "smtp://") + (user == null ? "" : user + "@") + host + ":" + port;
    }
}
