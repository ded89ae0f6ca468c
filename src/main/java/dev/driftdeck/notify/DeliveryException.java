package dev.driftdeck.notify;

/** A notification that could not be delivered, after {@link #attempts()} tries; the message never holds a secret. */
public final class DeliveryException extends Exception {

    private final int attempts;

    public DeliveryException(String message, int attempts, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
