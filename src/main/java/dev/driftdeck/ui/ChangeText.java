package dev.driftdeck.ui;

import dev.driftdeck.store.ChangeStamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A recorded change in the words the Sources and Ignore rules pages use: "added by alice@laptop-7, 2 h ago". */
public final class ChangeText {

    private ChangeText() {
    }

    public static String of(ChangeStamp stamp, Instant now) {
        return stamp.action().toLowerCase(Locale.ROOT) + " by " + stamp.by() + ", "
                + TimeText.ago(Duration.between(stamp.at(), now));
    }
}
