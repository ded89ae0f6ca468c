package dev.driftdeck.state;

/** What loading one state source gave: a snapshot, or the reason it could not be had. */
public sealed interface LoadedState permits LoadedState.Loaded, LoadedState.Failed {

    /** The state file or object read, or the source as configured when it could not be expanded. */
    String uri();

    record Loaded(String uri, StateSnapshot snapshot) implements LoadedState {
    }

    /** @param message what went wrong and what to do, naming the source; safe to show and store */
    record Failed(String uri, String message) implements LoadedState {
    }
}
