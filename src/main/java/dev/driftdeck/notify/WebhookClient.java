package dev.driftdeck.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to a webhook: retried with backoff on a 5xx or a network error, never on another 4xx (the request is
 * wrong and would stay wrong); a 429 waits its {@code Retry-After}; and at most one message per
 * {@code minInterval} to the same URL (Slack: 1 per second). Errors and logs name the URL masked.
 */
public final class WebhookClient {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy policy;
    /** When each URL may next be posted to (rate limit), by URL. */
    private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();
    private final Map<String, Object> turns = new ConcurrentHashMap<>();

    public WebhookClient(Clock clock, Sleeper sleeper, RetryPolicy policy) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build(), clock, sleeper, policy);
    }

    WebhookClient(HttpClient http, Clock clock, Sleeper sleeper, RetryPolicy policy) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.policy = policy;
    }

    /**
     * @param headers     extra headers, computed for each attempt (a signature carries its own timestamp)
     * @param minInterval the least time between two posts to {@code url}; zero for none
     * @return the number of requests it took
     */
    public int post(String url, String body, java.util.function.Supplier<Map<String, String>> headers,
                    Duration minInterval) throws DeliveryException, InterruptedException {
        String masked = Masked.target(url);
        String lastError = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            // One caller at a time per URL keeps the interval between posts, whichever thread sends.
            synchronized (turns.computeIfAbsent(url, k -> new Object())) {
                waitForTurn(url);
                nextAllowed.put(url, clock.instant().plus(minInterval));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("User-Agent", "Driftdeck")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.get().forEach(request::header);
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                lastError = "could not reach " + masked + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage().replace(url, masked));
                backoff(attempt, lastError);
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return attempt;
            }
            lastError = "HTTP " + status + " from " + masked + snippet(response.body());
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(policy.backoffAfter(attempt));
                if (wait.compareTo(policy.longestRetryAfter()) > 0) {
                    throw new DeliveryException(lastError + "; it asked to wait " + wait.toSeconds()
                            + " s, longer than Driftdeck waits (" + policy.longestRetryAfter().toSeconds() + " s)",
                            attempt, null);
                }
                if (attempt < policy.attempts()) {
                    log.info("{} asked to slow down (429); waiting {} ms as its Retry-After says", masked, wait.toMillis());
                    // The receiver's wait also holds the next message to this URL.
                    nextAllowed.put(url, clock.instant().plus(wait));
                }
                continue;
            }
            if (status / 100 == 4) {
                throw new DeliveryException(lastError + (status == 404 || status == 403 || status == 410
                        ? "; the webhook was probably removed or its URL is wrong: paste it again" : ""), attempt, null);
            }
            backoff(attempt, lastError);
        }
        throw new DeliveryException(lastError + " (after " + policy.attempts() + " attempts)", policy.attempts(), null);
    }

    private void waitForTurn(String url) throws InterruptedException {
        Instant allowed = nextAllowed.getOrDefault(url, Instant.EPOCH);
        Duration wait = Duration.between(clock.instant(), allowed);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    private void backoff(int attempt, String error) throws InterruptedException {
        if (attempt < policy.attempts()) {
            Duration wait = policy.backoffAfter(attempt);
            log.info("Delivery attempt {} failed ({}); retrying in {} ms", attempt, error, wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException e) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
