package dev.driftdeck.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code driftdeck serve} logs to stdout (journald, a container's log driver, a terminal), every level from INFO,
 * instead of the CLI's warnings-only stderr: a server's log is its only window.
 */
final class ServerLogging {

    private ServerLogging() {
    }

    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.setTarget("System.out");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var stderr = root.getAppender("STDERR");
        if (stderr != null) {
            // One stream: the same warnings on stderr too would be logged twice by journald.
            root.detachAppender(stderr);
            stderr.stop();
        }
        root.addAppender(appender);
        context.getLogger("dev.driftdeck").setLevel(Level.INFO);
    }
}
