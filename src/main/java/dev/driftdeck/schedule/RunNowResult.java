package dev.driftdeck.schedule;

/**
 * The answer to a manual "run now".
 *
 * @param kind   STARTED when the job was idle, MERGED when it was running (one follow-up run queued),
 *               BLOCKED when it cannot run
 * @param reason   why it was blocked, else null
 * @param servedBy the instance ({@code user@host:pid}) whose scheduler answered, when the request was asked of another
 *                 instance (a follower's "Scan now" on a shared database); null when this process's scheduler answered
 */
public record RunNowResult(Kind kind, String reason, String servedBy) {

    /** An answer of this process's own scheduler. */
    public RunNowResult(Kind kind, String reason) {
        this(kind, reason, null);
    }

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
