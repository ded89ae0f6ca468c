package dev.driftdeck.state;

/** What loading one state source gave: a snapshot, or the reason it could not be had. */
public sealed interface LoadedState permits LoadedState.Loaded, LoadedState.Failed {

    /** The state file or object read, or the source as configured when it could not be expanded. */
    String uri();

    /** The Terraform workspace of an S3 workspace source ({@code default} for the base key), else null. */
    String workspace();

    /**
     * @param version   the object's ETag/VersionId (local: size and mtime) at the time it was read
     * @param unchanged true when a conditional read showed the object as it was at the previous read (a 304 or an
     *                  equal ETag in a listing): the snapshot is the one parsed then, nothing was downloaded
     */
    record Loaded(String uri, StateSnapshot snapshot, String workspace, StateVersion version, boolean unchanged)
            implements LoadedState {

        public Loaded(String uri, StateSnapshot snapshot) {
            this(uri, snapshot, null, StateVersion.UNKNOWN, false);
        }
    }

    /** @param message what went wrong and what to do, naming the source; safe to show and store */
    record Failed(String uri, String message, String workspace) implements LoadedState {

        public Failed(String uri, String message) {
            this(uri, message, null);
        }
    }
}
