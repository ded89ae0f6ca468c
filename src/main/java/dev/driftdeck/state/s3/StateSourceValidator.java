package dev.driftdeck.state.s3;

import dev.driftdeck.state.LocalStateSources;
import dev.driftdeck.state.StateException;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a state source before it is saved, without reading any state: an S3 URI must have a valid shape and name
 * a profile that exists in {@code ~/.aws/config} or {@code ~/.aws/credentials}; a local path, directory or glob
 * must find at least one state file. Lives beside the S3 reader because it needs the SDK's profile files.
 */
public final class StateSourceValidator {

    private final Path workingDir;
    private final ProfileFile profiles;

    public StateSourceValidator(Path workingDir, ProfileFile profiles) {
        this.workingDir = workingDir;
        this.profiles = profiles;
    }

    /** Validates against the user's {@code ~/.aws} files (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
    public static StateSourceValidator standard() {
        return new StateSourceValidator(Path.of("").toAbsolutePath(), ProfileFile.defaultProfileFile());
    }

    /**
     * What can be said while {@code uri} is being typed, without touching the disk: an S3 URI's shape and the profile
     * it names (the AWS config files were read once, when this validator was made). A path, directory or glob is only
     * looked for by {@link #problem(String)}, when it is added: resolving one walks directories, and a half-typed
     * {@code /} would walk the whole disk. Blank is no problem yet.
     */
    public Optional<String> typingProblem(String uri) {
        if (uri == null || !S3StateUri.isS3(uri.strip())) {
            return Optional.empty();
        }
        return problem(uri);
    }

    /** @return why {@code uri} cannot be used, naming it and the fix; empty when it can */
    public Optional<String> problem(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("A state source is empty: write a path, a glob or s3://bucket/key.");
        }
        String source = uri.strip();
        try {
            if (S3StateUri.isS3(source)) {
                S3StateUri parsed = S3StateUri.parse(source);
                if (parsed.profile() != null && profiles.profile(parsed.profile()).isEmpty()) {
                    return Optional.of("State source " + source + ": profile '" + parsed.profile()
                            + "' is in neither ~/.aws/config nor ~/.aws/credentials. Add it (aws configure --profile "
                            + parsed.profile() + ") or remove profile= from the source.");
                }
            } else {
                LocalStateSources.resolve(source, workingDir);
            }
            return Optional.empty();
        } catch (StateException e) {
            return Optional.of(e.getMessage());
        }
    }
}
