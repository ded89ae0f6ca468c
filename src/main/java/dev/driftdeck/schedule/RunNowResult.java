package dev.driftdeck.schedule;

/**
 * The answer to a manual "run now".
 *
 * @param kind   STARTED when the job was idle, MERGED when it was running (one follow-up run queued),
 *               BLOCKED when it cannot run
 * @param reason why it was blocked, else null
 */
public record RunNowResult(Kind kind, String reason) {

    public enum Kind { STARTED, MERGED, BLOCKED }

    public static RunNowResult started() {
        return new RunNowResult(Kind.STARTED, null);
    }

    public static RunNowResult merged() {
        return new RunNowResult(Kind.MERGED, null);
    }

    public static RunNowResult blocked(String reason) {
        return new RunNowResult(Kind.BLOCKED, reason);
    }
}
