package dev.driftdeck.risk;

import java.util.Locale;

/** How much a drift matters, most severe first (the brief, section 13). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is {@code floor} or more severe. */
    public boolean atLeast(Severity floor) {
        return ordinal() <= floor.ordinal();
    }

    /** The more severe of the two; {@code null} counts as no severity at all. */
    public static Severity max(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() <= b.ordinal() ? a : b;
    }

    /** "Critical", "High"... as the console shows it. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** Reads {@code critical}, {@code HIGH}... as typed on a command line or stored. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + text
                    + "': use one of critical, high, medium, low, info", e);
        }
    }
}
