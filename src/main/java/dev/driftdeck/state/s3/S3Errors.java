package dev.driftdeck.state.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns S3 failures into sentences naming the source, the bucket or key, who asked, and what to do. */
final class S3Errors {

    static final String DOES_NOT_EXIST = "does not exist";

    private final String sourceUri;
    private final S3Access access;

    S3Errors(String sourceUri, S3Access access) {
        this.sourceUri = sourceUri;
        this.access = access;
    }

    /** @param status the HTTP status, 404 for a missing key, 0 when no answer came */
    String object(String objectUri, int status, SdkException e) {
        return switch (status) {
            case 403 -> "S3 state " + objectUri + ": access denied (s3:GetObject). Grant it to " + access.who()
                    + " or remove the source.";
            case 404 -> "S3 state " + objectUri + " " + DOES_NOT_EXIST + " (" + code(e)
                    + "): check the bucket, key and workspace, or remove the source.";
            case 0 -> unreachable(objectUri, e);
            default -> "S3 state " + objectUri + ": S3 answered " + status + " " + code(e) + " (" + firstLine(e)
                    + "). The next sync tries again; if it persists, check the source.";
        };
    }

    String listing(SdkException e) {
        if (!(e instanceof AwsServiceException service)) {
            return unreachable(sourceUri, e);
        }
        return switch (service.statusCode()) {
            case 403 -> "S3 state " + sourceUri + ": access denied listing the bucket (s3:ListBucket). Grant it to "
                    + access.who() + " or remove the source.";
            case 404 -> "S3 state " + sourceUri + ": bucket " + DOES_NOT_EXIST + " (" + code(e) + ", region "
                    + access.region() + "): check the bucket name, or remove the source.";
            default -> "S3 state " + sourceUri + ": listing failed with " + service.statusCode() + " " + code(e)
                    + " (" + firstLine(e) + "). The next sync tries again.";
        };
    }

    private String unreachable(String uri, SdkException e) {
        return "S3 state " + uri + ": S3 could not be reached or credentials not loaded for " + access.who()
                + " in " + access.region() + (access.endpoint() == null ? "" : " at " + access.endpoint()) + " ("
                + firstLine(e) + "). Check the network, ~/.aws/config, or the source's profile/region.";
    }

    private static String code(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
