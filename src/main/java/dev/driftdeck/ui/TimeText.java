package dev.driftdeck.ui;

import java.time.Duration;
import java.util.Locale;

/** How the console writes durations, so every panel says "4m 10s" the same way. */
public final class TimeText {

    private TimeText() {
    }

    /** A countdown: "45s", "4m 10s", "2h 05m", "3d 4h". */
    public static String countdown(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m " + (seconds % 60) + "s";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + "h " + String.format(Locale.ROOT, "%02dm", (seconds % 3600) / 60);
        }
        return (seconds / 86_400) + "d " + ((seconds % 86_400) / 3600) + "h";
    }

    /** A run's length: "850 ms", "2.3 s", "4m 10s". */
    public static String elapsed(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return countdown(duration);
    }

    /** How long ago: "just now", "40 s ago", "5 min ago", "3 h ago", "2 d ago". */
    public static String ago(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 5) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min ago";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + " h ago";
        }
        return (seconds / 86_400) + " d ago";
    }
}
