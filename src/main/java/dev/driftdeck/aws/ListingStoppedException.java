package dev.driftdeck.aws;

import java.util.concurrent.CancellationException;

/**
 * The scan that owns the session was asked to stop (window close, deadline): thrown before an AWS call instead of
 * making it, and by {@link AwsScanner} instead of an inventory. Never a listing failure: nothing is classified
 * or reported from a stopped listing.
 */
public final class ListingStoppedException extends CancellationException {

    public ListingStoppedException(String message) {
        super(message);
    }
}
