package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * When a job's slots fall. Slots are nominal wall-clock instants; the scheduler keeps the next one persisted
 * and runs one catch-up for any it missed (see {@link #due}).
 */
public sealed interface Schedule permits Schedule.Every, Schedule.DailyAt {

    /** The first slot strictly after {@code now}: where a new or re-phased schedule starts. */
    Instant slotAfter(Instant now);

    /**
     * What to do once {@code firstDue} (the first slot not yet run) has passed: run once for the latest
     * passed slot, standing for the ones before it, or (daily, missed beyond its window) skip to the next.
     */
    DueSlots due(Instant firstDue, Instant now);

    /** A next slot further ahead than one period means the wall clock went back: the slot to wait for instead. */
    Instant pullBack(Instant nextDue, Instant now);

    /** The nominal time between slots; the base of the failure backoff. */
    Duration period();

    /** "every 15 min", "daily at 03:30 (Europe/Berlin)". */
    String describe();

    /**
     * Slots every {@code interval}, on the phase of the first one.
     */
    record Every(Duration interval) implements Schedule {

        public Every {
            // Slots are computed in whole milliseconds.
            if (interval == null || interval.toMillis() < 1) {
                throw new IllegalArgumentException("A schedule interval must be at least 1 ms, was " + interval);
            }
        }

        public static Every minutes(long minutes) {
            return new Every(Duration.ofMinutes(minutes));
        }

        @Override
        public Instant slotAfter(Instant now) {
            return now.plus(interval);
        }

        @Override
        public DueSlots due(Instant firstDue, Instant now) {
            return DueSlots.of(firstDue, interval, now);
        }

        @Override
        public Instant pullBack(Instant nextDue, Instant now) {
            return DueSlots.pullBack(nextDue, interval, now);
        }

        @Override
        public Duration period() {
            return interval;
        }

        @Override
        public String describe() {
            long seconds = interval.toSeconds();
            if (seconds % 3600 == 0) {
                return "every " + seconds / 3600 + " h";
            }
            return seconds % 60 == 0 ? "every " + seconds / 60 + " min" : "every " + interval.toMillis() + " ms";
        }
    }

    /**
     * Once a day at a local time in {@code zone}. A time that does not exist that day (the spring-forward gap)
     * runs at the first valid instant after the gap; a time that exists twice (the fall-back overlap) runs once,
     * at its first occurrence. A slot missed by more than {@code misfireWindow} is skipped: a 03:30 maintenance
     * run should not start at 14:00 when the laptop wakes up; it waits for tomorrow.
     */
    record DailyAt(LocalTime time, ZoneId zone, Duration misfireWindow) implements Schedule {

        public static final LocalTime DEFAULT_TIME = LocalTime.of(3, 30);
        public static final Duration DEFAULT_MISFIRE_WINDOW = Duration.ofHours(6);
        private static final Duration DAY = Duration.ofDays(1);
        /** Bounds the walk over missed days, so a clock set years ahead cannot loop for long. */
        private static final int MAX_DAYS_WALKED = 4000;

        public DailyAt {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
            if (misfireWindow == null || misfireWindow.isNegative()) {
                throw new IllegalArgumentException("misfireWindow must be zero or positive, was " + misfireWindow);
            }
        }

        /** The slot of one calendar day. */
        public Instant slotOn(LocalDate date) {
            LocalDateTime local = date.atTime(time);
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition != null && transition.isGap()) {
                return transition.getInstant(); // the first instant that exists after the gap
            }
            // Not a gap: either one valid offset, or an overlap where atZone picks the earlier one.
            return local.atZone(zone).toInstant();
        }

        @Override
        public Instant slotAfter(Instant now) {
            LocalDate date = now.atZone(zone).toLocalDate().minusDays(1);
            Instant slot = slotOn(date);
            while (!slot.isAfter(now)) {
                date = date.plusDays(1);
                slot = slotOn(date);
            }
            return slot;
        }

        /** The latest slot at or before {@code now}: the one a job started now may have missed. */
        public Instant slotAtOrBefore(Instant now) {
            Instant slot = slotAfter(now.minus(DAY.multipliedBy(2)));
            for (Instant next = slotAfter(slot); !next.isAfter(now); next = slotAfter(slot)) {
                slot = next;
            }
            return slot;
        }

        @Override
        public DueSlots due(Instant firstDue, Instant now) {
            Instant latest = firstDue;
            int missed = 0;
            Instant next = slotAfter(latest);
            while (!next.isAfter(now) && missed < MAX_DAYS_WALKED) {
                latest = next;
                missed++;
                next = slotAfter(latest);
            }
            if (missed >= MAX_DAYS_WALKED) {
                latest = slotAfter(now.minus(DAY.multipliedBy(2)));
                next = slotAfter(now);
            }
            boolean inWindow = Duration.between(latest, now).compareTo(misfireWindow) <= 0;
            return inWindow ? new DueSlots(latest, missed, next) : DueSlots.skipped(latest, missed, slotAfter(now));
        }

        @Override
        public Instant pullBack(Instant nextDue, Instant now) {
            Instant expected = slotAfter(now);
            return nextDue.isAfter(expected) ? expected : nextDue;
        }

        @Override
        public Duration period() {
            return DAY;
        }

        @Override
        public String describe() {
            return "daily at " + time.format(DateTimeFormatter.ofPattern("HH:mm")) + " (" + zone.getId() + ")";
        }
    }
}
