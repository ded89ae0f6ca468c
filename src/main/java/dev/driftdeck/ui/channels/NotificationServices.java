package dev.driftdeck.ui.channels;

import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationSettings;
import java.util.List;

/**
 * What the Notifications window needs: the rules, the channels (masked), adding and removing one, "send a test
 * message" and the delivery history. Every method may block (database, network): called on a background thread.
 */
public interface NotificationServices {

    List<NotificationChannel> channels() throws Exception;

    /**
     * Stores the secret ({@code url}) in the data directory's 0600 file and the channel, masked, in the database.
     *
     * @param url {@code slack+https://...}, {@code teams+https://...}, {@code https://...} or {@code smtp://...}
     * @param signingSecret the generic webhook's {@code whsec_} secret, or blank for none
     * @throws IllegalArgumentException naming what is wrong with the URL (masked)
     */
    NotificationChannel add(String name, String url, String signingSecret) throws Exception;

    void remove(long channelId) throws Exception;

    /** Sends a test message now; the delivery is also in the history. */
    DeliveryRecord sendTest(long channelId) throws Exception;

    /** The newest deliveries, newest first. */
    List<DeliveryRecord> history(int limit) throws Exception;

    /** The notification rules as stored, defaults for those never saved. */
    NotificationSettings rules() throws Exception;

    /**
     * Saves the rules (shared in the database, recorded in the change history as the operator's);
     * {@link NotificationSettings#lastDigestAt()} is ignored: when the digest last went out stays as stored.
     */
    void saveRules(NotificationSettings rules) throws Exception;
}
