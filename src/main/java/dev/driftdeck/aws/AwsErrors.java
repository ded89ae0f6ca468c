package dev.driftdeck.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reads AWS error codes, the only reliable way to tell "nothing configured" from a real failure. */
final class AwsErrors {

    private AwsErrors() {
    }

    /** The AWS error code of a service exception (e.g. {@code NoSuchTagSet}), or null for anything else. */
    static String code(Throwable error) {
        if (error instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return null;
    }

    static boolean hasCode(Throwable error, String... codes) {
        String code = code(error);
        for (String candidate : codes) {
            if (candidate.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
