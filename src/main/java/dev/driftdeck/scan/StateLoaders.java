package dev.driftdeck.scan;

import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.state.s3.S3Clients;
import dev.driftdeck.state.s3.S3StateReader;
import java.nio.file.Path;

/** The production {@link StateLoader}: local files plus S3, one S3 client per access kept for the process. */
public final class StateLoaders {

    private StateLoaders() {
    }

    /**
     * @param cache shared by every load that should be conditional against the previous one (the desktop's
     *              {@code state-sync} and {@code drift-scan}); a fresh one per CLI scan
     */
    public static StateLoader standard(StateCache cache) {
        TfStateParser parser = new TfStateParser();
        S3Clients clients = new S3Clients(); // lives as long as the loader: the process
        return new StateLoader(parser, Path.of("").toAbsolutePath(), new S3StateReader(parser, cache, clients::client), cache);
    }
}
