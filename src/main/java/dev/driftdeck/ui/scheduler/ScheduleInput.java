package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.Schedule;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** What an operator types in a job card's schedule field, read against the kind of schedule the job has. */
final class ScheduleInput {

    static final int MAX_MINUTES = 7 * 24 * 60;

    private ScheduleInput() {
    }

    /** @throws IllegalArgumentException with what to type instead */
    static Schedule parse(Schedule current, String input) {
        String text = input == null ? "" : input.strip();
        return switch (current) {
            case Schedule.Every ignored -> {
                int minutes;
                try {
                    minutes = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    minutes = -1;
                }
                if (minutes < 1 || minutes > MAX_MINUTES) {
                    throw new IllegalArgumentException("'" + text + "' is not an interval: type whole minutes from 1 to "
                            + MAX_MINUTES + ".");
                }
                yield Schedule.Every.minutes(minutes);
            }
            case Schedule.DailyAt daily -> {
                try {
                    yield new Schedule.DailyAt(LocalTime.parse(text), daily.zone(), daily.misfireWindow());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a time of day: type it as HH:MM, e.g. 03:30.");
                }
            }
        };
    }
}
