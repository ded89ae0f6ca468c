package dev.driftdeck.aws;

import dev.driftdeck.drift.ListingOutcome;

/** Hears each (account, region, type) scope as it finishes, for the status bar; called on a listing thread. */
@FunctionalInterface
public interface ListingListener {

    /**
     * @param outcome what the scope gave
     * @param done    scopes finished so far in this account
     * @param total   scopes of this account
     */
    void finished(ListingOutcome outcome, int done, int total);

    ListingListener NONE = (outcome, done, total) -> { };
}
