package dev.driftdeck.aws;

import dev.driftdeck.attribution.TrailAccessException;
import software.amazon.awssdk.core.exception.SdkException;

/** A failed trail read as the sentence the scan's alert and the finding's detail show. */
final class TrailFailures {

    private TrailFailures() {
    }

    /** A call refused because the scan was asked to stop is no trail failure: the scan stops. */
    static void stopIfAsked(AwsSession session, Exception error) {
        if (session.stopRequested()) {
            throw new ListingStoppedException("Looking up who changed drifted resources stopped: the scan was asked to"
                    + " stop (" + error.getMessage() + ")");
        }
    }

    static TrailAccessException of(String where, SdkException error, String action) {
        if (ListingFailures.denied(error)) {
            return new TrailAccessException(where + " was denied (" + AwsErrors.code(error) + " on " + action
                    + "). Grant " + action + " to the scanning identity to see who changed drifted resources.",
                    action, error);
        }
        String code = AwsErrors.code(error);
        return new TrailAccessException(where + " failed (" + (code != null ? code + ": " : "") + error.getMessage()
                + "). Check the network and the trail's settings; the scan carries on without who changed it.",
                null, error);
    }
}
