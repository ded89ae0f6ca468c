package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingStatus;

import java.util.Comparator;
import java.util.Locale;

/** How a finding status reads and looks everywhere in the console (badges, chips, summary). */
public final class StatusText {

    /** Most urgent first: the default order of the table and the summary strip. */
    public static final Comparator<FindingStatus> URGENCY = Comparator.comparingInt(StatusText::urgency);

    private StatusText() {
    }

    public static String label(FindingStatus status) {
        return status.label();
    }

    /** The CSS class of the badge, e.g. {@code status-changed} (colours live in console.css). */
    public static String styleClass(FindingStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static int urgency(FindingStatus status) {
        return switch (status) {
            case CHANGED -> 0;
            case MISSING -> 1;
            case UNMANAGED -> 2;
            case NOT_CHECKED -> 3;
            case IGNORED -> 4;
            case IN_SYNC -> 5;
        };
    }
}
