package dev.driftdeck.aws;

import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Checks before every AWS call (each page of a listing, each detail call) whether the scan was asked to stop, and
 * refuses the call if so: a stopped scan ends within one call instead of listing every remaining page and scope.
 * Cooperative on purpose: interrupting the scanning thread is not an option (the job thread may be in H2).
 */
final class StopCheck implements ExecutionInterceptor {

    private volatile BooleanSupplier stopRequested = () -> false;

    void stopWhen(BooleanSupplier condition) {
        stopRequested = condition;
    }

    boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        refuseIfStopped(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** Throws {@link ListingStoppedException} instead of calling {@code service:operation} once a stop is asked. */
    void refuseIfStopped(String service, String operation) {
        if (stopRequested()) {
            throw new ListingStoppedException("The scan was asked to stop; " + service + ":" + operation
                    + " was not called.");
        }
    }
}
