package dev.driftdeck.store;

/**
 * Who makes a change to what a team shares (settings, state sources, ignore rules): the OS user and host,
 * {@code alice@laptop-7}. Handed to the repositories by whoever starts Driftdeck (the console, {@code serve}, a
 * test), never read from the process inside the store.
 *
 * @param name {@code user@host}
 */
public record ChangeAuthor(String name) {

    /** Changes Driftdeck makes by itself (a test's setup, a tool without an operator). */
    public static final ChangeAuthor DRIFTDECK = new ChangeAuthor("driftdeck");

    public ChangeAuthor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A change author needs a name (user@host)");
        }
        name = name.strip();
    }

    /** {@code user@host}. */
    public static ChangeAuthor of(String user, String host) {
        return new ChangeAuthor(user + "@" + host);
    }

    @Override
    public String toString() {
        return name;
    }
}
