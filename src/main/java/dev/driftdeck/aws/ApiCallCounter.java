package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls per service (one per operation the program made, retries not counted twice) and records each
 * operation as {@code service:Operation}, so a report can say what a scan cost and a test can prove that only
 * read operations were called.
 *
 * <p>It also remembers, per thread, the last operation that failed: a scope is listed on one thread, so the
 * scanner can name the exact action that was denied.
 */
public final class ApiCallCounter implements ExecutionInterceptor {

    private final Map<String, AtomicLong> callsPerService = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> operations = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<String> lastFailedOperation = new ThreadLocal<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        called(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        failed(service(attributes), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** One call of {@code operation} by IAM prefix ({@code elasticfilesystem}), from an SDK client or not. */
    void called(String service, String operation) {
        callsPerService.computeIfAbsent(service, s -> new AtomicLong()).incrementAndGet();
        operations.add(service + ":" + operation);
    }

    /** That call failed after its retries: the scanner names its IAM action if the failure was a denial. */
    void failed(String service, String operation) {
        lastFailedOperation.set(service + ":" + operation);
    }

    /** API calls per service so far, e.g. {@code ec2 -> 14}, sorted by service. */
    public Map<String, Long> callsPerService() {
        Map<String, Long> snapshot = new TreeMap<>();
        callsPerService.forEach((service, count) -> snapshot.put(service, count.get()));
        return snapshot;
    }

    /** Every operation called so far, in call order, e.g. {@code ec2:DescribeInstances}. */
    public List<String> operations() {
        return new ArrayList<>(operations);
    }

    /** The last operation that failed on this thread since {@link #clearLastFailure()}, or null. */
    String lastFailedOperation() {
        return lastFailedOperation.get();
    }

    void clearLastFailure() {
        lastFailedOperation.remove();
    }

    // The SDK's service name is the model's id ("EC2", "S3", "Iam"); lower case matches IAM action prefixes.
    private static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return name == null ? "unknown" : IamActions.prefix(name.toLowerCase(Locale.ROOT));
    }
}
