package dev.driftdeck.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Operator" writes to moto for the APIs that have no SDK module here (EFS, WAFv2, classic ELB) or whose module moto
 * cannot answer (CloudWatch's CBOR): plain HTTP in each API's wire protocol. moto checks no signature; it only reads
 * the credential scope's service name to route the request, so the Authorization header names it and nothing more.
 * Kept apart from Driftdeck's sessions, so these calls never count as Driftdeck's.
 */
public final class MotoRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MotoRequests() {
    }

    /** A query-protocol action ({@code Action=...&Version=...}); the XML response. */
    public static String query(String signingName, String version, String action, Map<String, String> params) {
        String form = "Action=" + action + "&Version=" + version + params.entrySet().stream()
                .map(p -> "&" + encode(p.getKey()) + "=" + encode(p.getValue())).collect(Collectors.joining());
        return send("POST", signingName, "/", Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
    }

    /** A JSON 1.1 call ({@code X-Amz-Target: target}); the JSON response. */
    public static String json(String signingName, String target, String body) {
        return send("POST", signingName, "/", Map.of("Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", target), body);
    }

    /** A REST-JSON call; {@code body} null for none. */
    public static String rest(String method, String signingName, String path, String body) {
        return send(method, signingName, path, Map.of("Content-Type", "application/json"), body);
    }

    /** A REST-XML call (S3 Control) with its own headers ({@code x-amz-account-id}); {@code body} null for none. */
    public static String restXml(String method, String signingName, String path, Map<String, String> headers,
                                 String body) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/xml");
        return send(method, signingName, path, all, body);
    }

    private static String send(String method, String signingName, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MotoServer.current().endpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + MotoClients.REGION + "/"
                        + signingName + "/aws4_request, SignedHeaders=host, Signature=0");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " (" + signingName + ") answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
