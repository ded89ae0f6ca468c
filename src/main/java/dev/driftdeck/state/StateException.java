package dev.driftdeck.state;

/** A state source could not be read or parsed; the message names the source and says what to do. */
public class StateException extends Exception {
    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
