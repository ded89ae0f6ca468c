package dev.driftdeck.store;

import java.time.Instant;

/**
 * The last change of one shared thing (a state source, an ignore rule): what was done, by whom and when, as the
 * Sources and Ignore rules pages show it ("added by alice@laptop-7, 2 h ago").
 */
public record ChangeStamp(String action, String by, Instant at) {
}
