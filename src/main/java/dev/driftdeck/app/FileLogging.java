package dev.driftdeck.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.driftdeck.store.DataDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's log file: {@code <data dir>/logs/driftdeck.log}, rolled daily, 14 days and 50 MB at most.
 * The CLI keeps logging to stderr only (logback.xml), so a one-off scan leaves no files behind.
 */
final class FileLogging {

    private FileLogging() {
    }

    static void install(Path logDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        Path logFile = logFile(logDir);
        createOwnerOnly(logFile);
        RollingFileAppender<ILoggingEvent> appender = new OwnerOnlyRollingFileAppender(logFile);
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(logFile.toString());
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logDir.resolve("driftdeck.%d{yyyy-MM-dd}.log").toString());
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // One log file per process: a second boot in the same JVM (tests, another data dir) replaces the first.
        var previous = root.getAppender(appender.getName());
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        root.addAppender(appender);
        context.getLogger("dev.driftdeck").setLevel(Level.INFO);
    }

    /** Where the log file is, for the About dialog and error messages. */
    static Path logFile(Path logDir) {
        return logDir.resolve("driftdeck.log");
    }

    /**
     * Logback creates files with the process umask (usually 0644); creating the file first, 0600, makes it append
     * to a private file instead. Log lines name resources and accounts, which other local users need not read.
     */
    private static void createOwnerOnly(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            // Logback will report its own failure to open the file; nothing more useful to say here.
            return;
        }
        DataDirectory.restrictToOwner(file, DataDirectory.OWNER_ONLY_FILE);
    }

    /** Rolling moves the file away (keeping its mode) and opens a new one: that one is made private too. */
    private static final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {

        private final Path active;

        OwnerOnlyRollingFileAppender(Path active) {
            this.active = active;
        }

        @Override
        public void rollover() {
            super.rollover();
            DataDirectory.restrictToOwner(active, DataDirectory.OWNER_ONLY_FILE);
        }
    }
}
