package dev.driftdeck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An AWS config and credentials file of the test's own, found by the SDK as a user's AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE would be (through the {@code aws.configFile} / {@code aws.sharedCredentialsFile}
 * system properties, which the SDK reads first). Close to put the previous values back.
 */
public final class AwsConfigFiles implements AutoCloseable {

    private static final String CONFIG = "aws.configFile";
    private static final String CREDENTIALS = "aws.sharedCredentialsFile";

    private final String previousConfig;
    private final String previousCredentials;
    private final Path config;
    private final Path credentials;

    private AwsConfigFiles(Path config, Path credentials) {
        this.previousConfig = System.getProperty(CONFIG);
        this.previousCredentials = System.getProperty(CREDENTIALS);
        this.config = config;
        this.credentials = credentials;
        System.setProperty(CONFIG, config.toString());
        System.setProperty(CREDENTIALS, credentials.toString());
    }

    /** Writes {@code config} (and an empty credentials file) under {@code dir} and points the SDK at them. */
    public static AwsConfigFiles use(Path dir, String config) {
        return use(dir, config, "");
    }

    public static AwsConfigFiles use(Path dir, String config, String credentials) {
        try {
            return new AwsConfigFiles(Files.writeString(dir.resolve("config"), config),
                    Files.writeString(dir.resolve("credentials"), credentials));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path config() {
        return config;
    }

    public Path credentials() {
        return credentials;
    }

    @Override
    public void close() {
        restore(CONFIG, previousConfig);
        restore(CREDENTIALS, previousCredentials);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
