package dev.driftdeck.scan;

import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.CallerIdentity;
import dev.driftdeck.aws.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * "Test access": whom the settings reach AWS as, by the steps a scan takes (profile check, home region, session) and
 * one read-only call, STS GetCallerIdentity. A failure is returned with its exception's own words, never thrown.
 * Blocks on the network: never call it on the FX thread.
 */
public final class AccessCheck {

    /** Two attempts, bounded: the operator is waiting for an answer, not for a scan's patience. */
    static final SessionOptions OPTIONS = new SessionOptions(2, Duration.ofSeconds(5), Duration.ofSeconds(20));

    private final Function<AwsTarget, AwsSession> sessions;

    public AccessCheck(Function<AwsTarget, AwsSession> sessions) {
        this.sessions = sessions;
    }

    /** The production wiring: the profile's credentials (or the default chain) and the bounded options. */
    public static AccessCheck standard() {
        return new AccessCheck(target -> AwsSession.open(target, OPTIONS));
    }

    /** What the check found. */
    public sealed interface Result {

        /** The credentials work: the account and identity they belong to, asked in {@code region}. */
        record Identified(String account, String arn, String region) implements Result {
        }

        /**
         * They do not, or the call failed.
         *
         * @param error what went wrong, in the words of the exception and its causes ("SdkClientException: Unable to
         *              load credentials from any of the providers in the chain..."), for the console to explain
         */
        record Failed(String error) implements Result {
        }
    }

    /**
     * @param profile     a profile name, or blank for the default credential chain
     * @param regions     the regions the settings scan (the first is asked); empty for the profile's region
     * @param endpointUrl an AWS-compatible endpoint, or blank for AWS
     */
    public Result check(String profile, List<String> regions, String endpointUrl) {
        ScanRequest request = new ScanRequest(List.of(), regions, profile, endpointUrl, false, null);
        try {
            Regions.checkProfile(request);
            String home = Regions.resolve(request).getFirst();
            try (AwsSession session = sessions.apply(new AwsTarget(request.profile(), home, request.endpointUrl()))) {
                CallerIdentity identity = CallerIdentity.of(session);
                return new Result.Identified(identity.account(), identity.arn(), home);
            }
        } catch (RuntimeException e) {
            return new Result.Failed(describe(e));
        }
    }

    /**
     * The exception and its causes as a stack trace names them ("Type: message", then "Caused by: ..."), without
     * the frames and without a cause that only repeats its wrapper's message (the SDK often does).
     */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String message = e.getMessage();
            if (previous != null && message != null && previous.contains(message)) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\nCaused by: ").append(e);
            previous = message;
        }
        return text.toString();
    }
}
