package dev.driftdeck.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --every DURATION}: {@code 30s}, {@code 15m} or {@code 1h}, at least {@link #MINIMUM}. */
final class Every implements ITypeConverter<Duration> {

    /** Shorter would mostly measure the scan's own length, and hammer AWS's read limits. */
    static final Duration MINIMUM = Duration.ofSeconds(10);
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})([smh])");

    /** The same forms without the minimum, for waits. */
    static final class Any implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }

    @Override
    public Duration convert(String value) {
        Duration every = parse(value);
        if (every.compareTo(MINIMUM) < 0) {
            throw new TypeConversionException("--every " + value + " is too short: scans run at most every "
                    + MINIMUM.toSeconds() + "s (write 10s or more)");
        }
        return every;
    }

    private static Duration parse(String value) {
        Matcher form = FORM.matcher(value.strip());
        if (!form.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: write a number and a unit,"
                    + " s, m or h (30s, 15m, 1h)");
        }
        long amount = Long.parseLong(form.group(1));
        return switch (form.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
