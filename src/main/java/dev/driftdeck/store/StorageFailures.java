package dev.driftdeck.store;

/** Recognises storage failures an operator can fix, deep in the cause chains H2 wraps them in. */
final class StorageFailures {

    private StorageFailures() {
    }

    /** True when the disk (or quota) holding the database ran out of space: ENOSPC, EDQUOT, or Windows' wording. */
    static boolean diskFull(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device")
                    || message.contains("Disk quota exceeded")
                    || message.contains("not enough space on the disk"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
