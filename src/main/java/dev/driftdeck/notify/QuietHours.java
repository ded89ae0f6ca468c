package dev.driftdeck.notify;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Quiet hours from {@code from} to {@code to} in local time; crossing midnight (22:00–07:00) works. */
record QuietHours(LocalTime from, LocalTime to) {

    boolean contains(ZonedDateTime now) {
        if (from == null || to == null || from.equals(to)) {
            return false;
        }
        LocalTime time = now.toLocalTime();
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }
}
