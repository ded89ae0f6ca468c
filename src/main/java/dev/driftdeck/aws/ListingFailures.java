package dev.driftdeck.aws;

import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import java.util.Set;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Turns whatever stopped a listing into a {@link ListingOutcome.Failed} an operator can act on. */
final class ListingFailures {

    private static final Set<String> DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess",
            "AuthorizationError", "AllAccessDisabled");
    private static final Set<String> THROTTLED = Set.of(
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "SlowDown", "TooManyRequestsException",
            "RequestThrottled", "RequestThrottledException");
    private static final Set<String> BAD_CREDENTIALS = Set.of(
            "InvalidClientTokenId", "AuthFailure", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "UnrecognizedClientException");

    private ListingFailures() {
    }

    /**
     * @param failedOperation the SDK operation that failed, as {@code service:Operation}, or null when unknown
     * @param fallbackAction  the collector's first IAM action, used when the failed operation is unknown
     */
    static ListingOutcome.Failed classify(ListingScope scope, Throwable error, String failedOperation,
                                          String fallbackAction) {
        String where = "Listing " + scope.type() + " in account " + scope.account() + ", region " + scope.region();
        String action = failedOperation == null ? fallbackAction : iamAction(failedOperation);
        String code = AwsErrors.code(error);
        if (code != null && DENIED.contains(code)) {
            return new ListingOutcome.Failed(scope,
                    where + " was denied (" + code + " on " + action + "). Grant " + action
                            + " to the scanning identity, or ignore " + scope.type() + " in .driftignore.",
                    action);
        }
        // A bare 429 (no error code) is throttling too, as the SDK's retry strategy treats it.
        boolean bare429 = code == null && error instanceof SdkServiceException service && service.statusCode() == 429;
        if (code != null && THROTTLED.contains(code) || bare429) {
            return new ListingOutcome.Failed(scope,
                    where + " was throttled by AWS (" + (bare429 ? "HTTP 429" : code) + " on " + action + ") after retries."
                            + " Scan fewer regions at once or scan less often.",
                    null);
        }
        if (code != null && BAD_CREDENTIALS.contains(code)) {
            return new ListingOutcome.Failed(scope,
                    where + " failed: the credentials were rejected (" + code + "). Refresh them"
                            + " (aws sso login, new keys) or choose another profile.",
                    null);
        }
        if (error instanceof ApiCallTimeoutException) {
            return new ListingOutcome.Failed(scope,
                    where + " timed out on " + action + ". Check the network or the endpoint, then scan again.",
                    null);
        }
        if (error instanceof SdkClientException) {
            return new ListingOutcome.Failed(scope,
                    where + " could not reach AWS (" + error.getMessage() + "). Check the network, the region"
                            + " and --endpoint-url, then scan again.",
                    null);
        }
        String detail = code != null ? code + ": " + error.getMessage() : error.toString();
        return new ListingOutcome.Failed(scope, where + " failed on " + action + " (" + detail + ").", null);
    }

    /** Whether AWS refused {@code error} for want of a permission (AccessDenied and its spellings). */
    static boolean denied(Throwable error) {
        String code = AwsErrors.code(error);
        return code != null && DENIED.contains(code);
    }

    static String iamAction(String operation) {
        return IamActions.forOperation(operation);
    }
}
