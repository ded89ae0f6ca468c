package dev.driftdeck.store;

import dev.driftdeck.drift.ScanReport;

/** A scan as stored: its database id and the full report. */
public record StoredScan(long id, ScanReport report) {
}
