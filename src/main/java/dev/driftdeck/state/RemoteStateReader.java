package dev.driftdeck.state;

import java.util.List;

/**
 * Reads state sources that are not local files (S3 today). A port, so that {@code state} stays free of the AWS SDK:
 * the implementation lives in {@code state.s3} and is handed to {@link StateLoader} by whoever wires the scan.
 */
public interface RemoteStateReader {

    /** True when this reader understands {@code uri}, e.g. it starts with {@code s3://}. */
    boolean handles(String uri);

    /**
     * Reads every state the source names. Never throws for a source problem: it becomes a {@link LoadedState.Failed}
     * naming the source and the fix.
     */
    List<LoadedState> load(String uri, StateAccess access);

    /** A reader that handles nothing: S3 sources then fail with the reason. */
    static RemoteStateReader none() {
        return new RemoteStateReader() {
            @Override
            public boolean handles(String uri) {
                return false;
            }

            @Override
            public List<LoadedState> load(String uri, StateAccess access) {
                return List.of();
            }
        };
    }
}
