package dev.driftdeck.app;

import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.InstanceName;

/** Who sits at this console (or started this {@code serve}): the OS user at this host, as the audit log names them. */
final class LocalOperator {

    private LocalOperator() {
    }

    static ChangeAuthor author() {
        return ChangeAuthor.of(System.getProperty("user.name", "unknown"), InstanceName.host());
    }
}
