package dev.driftdeck.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;

/**
 * A client-side ceiling of HTTP requests per (service, region): each attempt, retries included, waits for its
 * slot. AWS throttles per account, service and region; staying under a steady rate keeps a wide scan from eating
 * the budget the account's own deployments need, before the SDK's adaptive retry would even notice.
 */
final class RateLimiter implements ExecutionInterceptor {

    private final long intervalNanos;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    RateLimiter(int requestsPerSecond) {
        this.intervalNanos = requestsPerSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (intervalNanos == 0) {
            return;
        }
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        awaitSlot(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "/" + region);
    }

    /** Waits for the next free send time of {@code key} ({@code service/region}), for requests sent outside the SDK. */
    void awaitSlot(String key) {
        if (intervalNanos == 0) {
            return;
        }
        long wait = slots.computeIfAbsent(key, k -> new Slot()).reserve(intervalNanos);
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The next free send time of one key; reserving moves it one interval on. */
    private static final class Slot {
        private long next = System.nanoTime();

        synchronized long reserve(long interval) {
            long now = System.nanoTime();
            long at = Math.max(now, next);
            next = at + interval;
            return at - now;
        }
    }
}
