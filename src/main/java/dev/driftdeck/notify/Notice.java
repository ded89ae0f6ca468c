package dev.driftdeck.notify;

import dev.driftdeck.risk.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One notification, before a channel renders it: Slack blocks, a Teams card, a signed JSON body or an e-mail.
 *
 * @param rule     the rule that sent it
 * @param title    one line ("3 new drifts, worst High")
 * @param text     a sentence or two of context, plain text
 * @param severity the worst severity among the items, or null
 * @param items    the drifted resources it is about (empty for a failed job, a stale scan or a test)
 * @param at       when it was made
 */
public record Notice(Rule rule, String title, String text, Severity severity, List<DriftItem> items, Instant at) {

    public Notice {
        items = List.copyOf(items);
    }

    /** What a message shows of the items before "and N more": chat messages stay readable and inside size limits. */
    public static final int SHOWN_ITEMS = 15;

    public List<DriftItem> shownItems() {
        return items.size() <= SHOWN_ITEMS ? items : items.subList(0, SHOWN_ITEMS);
    }

    /** How many items a chat message leaves out. */
    public int moreItems() {
        return Math.max(0, items.size() - SHOWN_ITEMS);
    }
}
