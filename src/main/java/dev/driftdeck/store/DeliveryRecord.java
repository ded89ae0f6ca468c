package dev.driftdeck.store;

import java.time.Instant;

/**
 * One delivery of one notification to one channel, as the history shows it.
 *
 * @param id          database id, 0 before it was stored
 * @param at          when it ended
 * @param channelId   the channel's id, null for a channel given on the command line
 * @param channelName the channel's name when it was sent (kept after the channel is removed)
 * @param rule        the rule that sent it: NEW_DRIFT, RESOLVED, JOB_FAILED, STALE, DIGEST, TEST, SCAN
 * @param outcome     SENT, FAILED, HELD (quiet hours: sent after) or DROPPED (quiet hours: not sent)
 * @param attempts    how many requests it took (0 when not attempted)
 * @param title       the notification's title
 * @param error       why it failed, never containing the secret; null when sent
 */
public record DeliveryRecord(long id, Instant at, Long channelId, String channelName, String rule, String outcome,
                             int attempts, String title, String error) {
}
