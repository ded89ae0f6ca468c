package dev.driftdeck.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's log file: {@code <data dir>/logs/driftdeck.log}, rolled daily, 14 days and 50 MB at most.
 * The CLI keeps logging to stderr only (logback.xml), so a one-off scan leaves no files behind.
 */
final class FileLogging {

    private static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private FileLogging() {
    }

    static void install(Path logDir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        createPrivately(logDir);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(logDir.resolve("driftdeck.log").toString());
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
        root.addAppender(appender);
        context.getLogger("dev.driftdeck").setLevel(Level.INFO);
    }

    /**
     * Creates the data directory and its logs directory owner-only (0700) and the log file 0600 before logback
     * would create them with the process umask (often world-readable). Files logback rolls later sit inside the
     * 0700 directory. Failing here is not fatal: the database open that follows reports an unusable directory.
     */
    private static void createPrivately(Path logDir) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Path dataDir = logDir.toAbsolutePath().getParent();
            for (Path dir : dataDir == null ? List.of(logDir) : List.of(dataDir, logDir)) {
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
                    Files.setPosixFilePermissions(dir, PRIVATE_DIR); // createDirectories applies the umask
                }
            }
            Files.setPosixFilePermissions(logDir, PRIVATE_DIR);
            Path file = logFile(logDir);
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
            }
            Files.setPosixFilePermissions(file, PRIVATE_FILE);
        } catch (IOException | UnsupportedOperationException e) {
            LoggerFactory.getLogger(FileLogging.class).warn("Could not make {} private to its owner: {}", logDir, e.toString());
        }
    }

    /** Where the log file is, for the About dialog and error messages. */
    static Path logFile(Path logDir) {
        return logDir.resolve("driftdeck.log");
    }
}
