package dev.driftdeck.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads every configured state source. One unreadable source never stops the others: it becomes a
 * {@link LoadedState.Failed} the scan reports as an alert, and the resources it would have listed are simply not
 * known (a later scan with the source fixed finds them again).
 */
public final class StateLoader {

    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);

    private final TfStateParser parser;
    private final Path workingDir;

    public StateLoader() {
        this(new TfStateParser(), Path.of("").toAbsolutePath());
    }

    /** @param workingDir what relative paths and globs in the source URIs are relative to */
    public StateLoader(TfStateParser parser, Path workingDir) {
        this.parser = parser;
        this.workingDir = workingDir;
    }

    /** @return one entry per state file found (a directory or glob gives several), in source order */
    public List<LoadedState> load(List<String> uris) {
        List<LoadedState> loaded = new ArrayList<>();
        for (String uri : uris) {
            if (uri.startsWith("s3://")) {
                loaded.add(failed(uri, "State source " + uri + ": S3 state sources are not supported yet. "
                        + "Copy the state locally (terraform state pull > prod.tfstate) and point the source at it."));
                continue;
            }
            List<Path> files;
            try {
                files = LocalStateSources.resolve(uri, workingDir);
            } catch (StateException e) {
                loaded.add(failed(uri, e.getMessage()));
                continue;
            }
            for (Path file : files) {
                try {
                    loaded.add(new LoadedState.Loaded(file.toString(), parser.parse(file)));
                } catch (StateException e) {
                    loaded.add(failed(file.toString(), e.getMessage()));
                }
            }
        }
        return loaded;
    }

    private static LoadedState failed(String uri, String message) {
        log.warn("State source skipped: {}", message);
        return new LoadedState.Failed(uri, message);
    }
}
