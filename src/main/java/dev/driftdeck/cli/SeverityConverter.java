package dev.driftdeck.cli;

import dev.driftdeck.risk.Severity;
import picocli.CommandLine;

/** {@code --fail-on high}: any case; an unknown word is a usage error naming the accepted ones. */
final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {

    @Override
    public Severity convert(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
