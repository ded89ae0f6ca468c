package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the operator asked to see: one status (or all), one value per picker (or all), and a free-text search.
 * Immutable, so the table's predicate is replaced in one step when any input changes.
 *
 * <p>The text matches, case-insensitively, anything the operator can read about a finding: id, address, type,
 * account, region, source, note, and each attribute difference's path and values (so {@code Owner} finds the
 * resources whose {@code tags.Owner} drifted, and {@code t3.large} finds the instances resized to it).
 * Findings carry no tags of their own; tags show up here only where they drifted.
 *
 * @param status  the status to show, or null for every status
 * @param text    text to search for; blank matches everything
 * @param type    the resource type to show, or null for all
 * @param account the account to show, or null for all
 * @param region  the region to show, or null for all
 * @param source  the state source to show, or null for all
 * @param severity the least severity to show (drift of it or worse), or null for every finding
 */
public record FindingFilter(FindingStatus status, String text, String type, String account, String region,
                            String source, Severity severity) implements Predicate<Finding> {

    public static final FindingFilter ALL = new FindingFilter(null, "");

    public FindingFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public FindingFilter(FindingStatus status, String text) {
        this(status, text, null, null, null, null);
    }

    public FindingFilter(FindingStatus status, String text, String type, String account, String region, String source) {
        this(status, text, type, account, region, source, null);
    }

    @Override
    public boolean test(Finding finding) {
        if (status != null && finding.status() != status
                || type != null && !type.equals(finding.type())
                || account != null && !account.equals(finding.account())
                || region != null && !region.equals(finding.region())
                || source != null && !source.equals(finding.source())
                || severity != null && !finding.driftAtLeast(severity)) {
            return false;
        }
        return text.isEmpty() || matchesText(finding);
    }

    public boolean isEmpty() {
        return status == null && text.isEmpty() && type == null && account == null && region == null && source == null
                && severity == null;
    }

    private boolean matchesText(Finding f) {
        if (contains(f.id()) || contains(f.address()) || contains(f.type()) || contains(f.account())
                || contains(f.region()) || contains(f.source()) || contains(f.note())) {
            return true;
        }
        for (AttributeDiff diff : f.diffs()) {
            if (contains(diff.expected()) || contains(diff.actual())) {
                return true;
            }
            for (String segment : diff.path()) {
                if (contains(segment)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Case-insensitive containment without lower-casing (and copying) each value: 100,000 rows per keystroke. */
    private boolean contains(String value) {
        if (value == null || value.length() < text.length()) {
            return false;
        }
        int last = value.length() - text.length();
        for (int i = 0; i <= last; i++) {
            if (value.regionMatches(true, i, text, 0, text.length())) {
                return true;
            }
        }
        return false;
    }
}
