package dev.driftdeck.store;

import java.util.Optional;

/**
 * Whether the leader's lock connection is one PostgreSQL session for as long as it is held, as a session-level
 * advisory lock (and LISTEN) needs. Through pgbouncer in transaction (or statement) pooling mode it is not: each
 * transaction may run on another server connection, so the lock is held by a backend the instance no longer talks
 * to, and a second leader could be elected beside it. pgbouncer's own {@code SHOW pool_mode} is only answered on its
 * admin console, so the check is what any client can observe: the backend that holds the lock in {@code pg_locks}
 * and the backend pid of the next two statements (each its own transaction) must be one and the same.
 */
public final class SessionCheck {

    private SessionCheck() {
    }

    /**
     * @param database        where the lock was taken, named in the refusal
     * @param lockHolderPid   the backend pid {@code pg_locks} shows holding the lock just taken, or null when none does
     * @param pidAfterLock    {@code pg_backend_pid()} of the statement after the lock
     * @param pidAfterThat    {@code pg_backend_pid()} of the statement after that
     * @return why this connection must not lead (naming the URL and what to do), or empty when it is one session
     */
    public static Optional<String> refusal(DatabaseLocation database, Long lockHolderPid, long pidAfterLock,
                                           long pidAfterThat) {
        boolean oneSession = lockHolderPid != null && lockHolderPid == pidAfterLock && pidAfterLock == pidAfterThat;
        if (oneSession) {
            return Optional.empty();
        }
        String seen = lockHolderPid == null
                ? "the advisory lock it took is held by no backend in pg_locks"
                : "the lock is held by backend " + lockHolderPid + " while its next statements ran on backends "
                        + pidAfterLock + " and " + pidAfterThat;
        return Optional.of("Refusing to lead " + database + ": its connections do not keep one PostgreSQL session"
                + " across transactions (" + seen + "), as through pgbouncer in transaction or statement pooling"
                + " mode. Session advisory locks and LISTEN cannot work that way, so two leaders could run. Point --db"
                + " (or the console's database setting) at PostgreSQL directly, or at a pgbouncer pool with"
                + " pool_mode = session.");
    }
}
