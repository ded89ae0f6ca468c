package dev.driftdeck.drift;

import java.util.List;

/** What listing one {@link ListingScope} produced: every resource, or a failure that makes the scope NOT_CHECKED. */
public sealed interface ListingOutcome {

    ListingScope scope();

    /** The whole listing succeeded: every live resource of the scope is here. */
    record Listed(ListingScope scope, List<LiveResource> resources) implements ListingOutcome {
        public Listed {
            resources = List.copyOf(resources);
        }
    }

    /**
     * The listing failed (access denied, throttled after retries, endpoint error).
     *
     * @param reason    what went wrong, in words
     * @param iamAction the IAM action to grant when that is the fix (e.g. {@code ec2:DescribeVolumes}), else null
     */
    record Failed(ListingScope scope, String reason, String iamAction) implements ListingOutcome {
    }
}
