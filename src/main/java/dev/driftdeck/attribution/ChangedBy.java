package dev.driftdeck.attribution;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Who changed one finding's resource: the write events since it was last seen in sync, newest first, and how the
 * lookup ended.
 *
 * @param status how the lookup ended
 * @param events the write events, newest first; empty unless {@link AttributionStatus#FOUND}
 * @param detail why there is nothing to show when that is not obvious (the failure, the window looked at), or null
 */
public record ChangedBy(AttributionStatus status, List<ChangeEvent> events, String detail) {

    /** Absolute times in text read later (a CI log), in UTC like CloudTrail's own. */
    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ChangedBy NOT_LOOKED_UP = new ChangedBy(AttributionStatus.NOT_LOOKED_UP, List.of(), null);

    public ChangedBy {
        Objects.requireNonNull(status, "status");
        events = events.stream().sorted(Comparator.comparing(ChangeEvent::time).reversed()).toList();
    }

    /** The default of every finding: nobody asked CloudTrail. */
    public static ChangedBy notLookedUp() {
        return NOT_LOOKED_UP;
    }

    public static ChangedBy found(List<ChangeEvent> events) {
        return new ChangedBy(AttributionStatus.FOUND, events, null);
    }

    public static ChangedBy of(AttributionStatus status, String detail) {
        return new ChangedBy(status, List.of(), detail);
    }

    /**
     * One line for the detail pane and the table: "Changed by alice via console, 2 h ago", "Not yet in CloudTrail",
     * or null when nothing was looked up (no drift).
     */
    public String headline(Instant now) {
        return switch (status) {
            case NOT_LOOKED_UP -> null;
            case FOUND -> "Changed by " + who() + ", " + ago(Duration.between(events.getFirst().time(), now));
            case PENDING -> "Not yet in CloudTrail (it delivers events within about 15 minutes); looked up again on"
                    + " the next scan";
            case NONE -> "No write event in CloudTrail" + (detail == null ? "" : " " + detail);
            case NOT_SUPPORTED, FAILED -> "Who changed it is unknown: " + detail;
        };
    }

    /**
     * The headline's words with the newest write's time and call instead of its age, for text read later than it is
     * written (the CLI's console report): "changed by alice via console, 2026-12-06 21:04 UTC
     * (AuthorizeSecurityGroupIngress)"; null unless CloudTrail named someone.
     */
    public String stampedLine() {
        if (status != AttributionStatus.FOUND) {
            return null;
        }
        ChangeEvent newest = events.getFirst();
        return "changed by " + who() + ", " + UTC_MINUTE.format(newest.time()) + " (" + newest.event() + ")";
    }

    /** "alice via console": who made the newest write, and how; null unless CloudTrail named someone. */
    public String who() {
        if (status != AttributionStatus.FOUND) {
            return null;
        }
        ChangeEvent newest = events.getFirst();
        return newest.name() + " via " + newest.via().label();
    }

    /** The table's cell: "alice (console)", "not yet in CloudTrail", or empty. */
    public String shortText() {
        return switch (status) {
            case FOUND -> events.getFirst().name() + " (" + events.getFirst().via().label() + ")";
            case PENDING -> "not yet in CloudTrail";
            case NONE -> "none found";
            case NOT_LOOKED_UP, NOT_SUPPORTED, FAILED -> "";
        };
    }

    static String ago(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h ago";
        }
        return (minutes / (24 * 60)) + " d ago";
    }
}
