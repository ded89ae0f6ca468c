package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A schedule as one short string in the database: {@code every PT15M} or {@code daily 03:30}. The zone and the
 * misfire window are not stored: they come from the running process (the laptop's zone today, not the one it had
 * when the operator saved), so "03:30" keeps meaning 03:30 where the operator is.
 */
final class ScheduleSpec {

    private ScheduleSpec() {
    }

    static String format(Schedule schedule) {
        return switch (schedule) {
            case Schedule.Every every -> "every " + every.interval();
            case Schedule.DailyAt daily -> "daily " + daily.time();
        };
    }

    /**
     * @param fallback the job's default schedule: used when nothing (or something unreadable) is stored, and the
     *                 source of a daily schedule's zone and misfire window
     */
    static Schedule parse(String spec, Schedule fallback) {
        if (spec == null || spec.isBlank()) {
            return fallback;
        }
        try {
            if (spec.startsWith("every ")) {
                return new Schedule.Every(Duration.parse(spec.substring(6)));
            }
            if (spec.startsWith("daily ")) {
                LocalTime time = LocalTime.parse(spec.substring(6));
                return fallback instanceof Schedule.DailyAt daily
                        ? new Schedule.DailyAt(time, daily.zone(), daily.misfireWindow())
                        : new Schedule.DailyAt(time, ZoneId.systemDefault(), Schedule.DailyAt.DEFAULT_MISFIRE_WINDOW);
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Fall through: an unreadable row must not keep the job from running on its default.
        }
        org.slf4j.LoggerFactory.getLogger(ScheduleSpec.class)
                .warn("Stored schedule '{}' is not readable; using the default {}", spec, fallback.describe());
        return fallback;
    }
}
