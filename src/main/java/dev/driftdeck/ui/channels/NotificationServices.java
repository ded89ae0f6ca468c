package dev.driftdeck.ui.channels;

import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import java.util.List;

/**
 * What the Notifications window needs: the channels (masked), adding and removing one, "send a test message" and
 * the delivery history. Every method may block (database, network): called on a background thread.
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
}
