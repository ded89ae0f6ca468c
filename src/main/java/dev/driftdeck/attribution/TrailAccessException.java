package dev.driftdeck.attribution;

/**
 * A trail source refused a lookup in one account and region: the message says what happened and {@link #iamAction()}
 * what to grant (null when the fix is not a permission, e.g. a bucket that does not exist).
 */
public final class TrailAccessException extends RuntimeException {

    private final String iamAction;

    public TrailAccessException(String message, String iamAction, Throwable cause) {
        super(message, cause);
        this.iamAction = iamAction;
    }

    public String iamAction() {
        return iamAction;
    }
}
