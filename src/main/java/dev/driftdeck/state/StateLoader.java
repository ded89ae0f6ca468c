package dev.driftdeck.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads every configured state source. One unreadable source never stops the others: it becomes a
 * {@link LoadedState.Failed} the scan reports as an alert, and the resources it would have listed are simply not
 * known (a later scan with the source fixed finds them again).
 *
 * <p>Reads are conditional through the {@link StateCache}: a local file whose size and modification time did not
 * change is not parsed again; remote sources do the same with ETags (see {@link RemoteStateReader}).
 */
public final class StateLoader {

    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);

    private final TfStateParser parser;
    private final Path workingDir;
    private final RemoteStateReader remote;
    private final StateCache cache;

    public StateLoader() {
        this(new TfStateParser(), Path.of("").toAbsolutePath());
    }

    /** @param workingDir what relative paths and globs in the source URIs are relative to */
    public StateLoader(TfStateParser parser, Path workingDir) {
        this(parser, workingDir, RemoteStateReader.none(), new StateCache());
    }

    public StateLoader(TfStateParser parser, Path workingDir, RemoteStateReader remote, StateCache cache) {
        this.parser = parser;
        this.workingDir = workingDir;
        this.remote = remote;
        this.cache = cache;
    }

    /** As {@link #load(List, StateAccess)} with the default credential chain and region. */
    public List<LoadedState> load(List<String> uris) {
        return load(uris, StateAccess.defaults());
    }

    /**
     * @param access how remote sources are reached when their URI does not say otherwise
     * @return one entry per state file or object found (a directory, glob or prefix gives several), in source order
     */
    public List<LoadedState> load(List<String> uris, StateAccess access) {
        List<LoadedState> loaded = new ArrayList<>();
        for (String uri : uris) {
            if (remote.handles(uri)) {
                loaded.addAll(remote.load(uri, access));
                continue;
            }
            if (uri.startsWith("s3://")) {
                loaded.add(failed(uri, "State source " + uri + ": this build reads no S3 state. "
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
                loaded.add(loadFile(file));
            }
        }
        return loaded;
    }

    private LoadedState loadFile(Path file) {
        String uri = file.toString();
        StateVersion version = fileVersion(file);
        Optional<StateCache.Entry> cached = cache.get(uri);
        if (cached.isPresent() && version.etag() != null && version.equals(cached.get().version())) {
            return new LoadedState.Loaded(uri, cached.get().snapshot(), null, version, true);
        }
        try {
            StateSnapshot snapshot = parser.parse(file);
            cache.put(uri, version, snapshot);
            return new LoadedState.Loaded(uri, snapshot, null, version, false);
        } catch (StateException e) {
            cache.forget(uri);
            return failed(uri, e.getMessage());
        }
    }

    /** Size and modification time stand in for an ETag: Terraform rewrites the whole file on every change. */
    private static StateVersion fileVersion(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new StateVersion(attributes.size() + "@" + attributes.lastModifiedTime().toMillis(), null);
        } catch (IOException e) {
            return StateVersion.UNKNOWN;
        }
    }

    private static LoadedState failed(String uri, String message) {
        log.warn("State source skipped: {}", message);
        return new LoadedState.Failed(uri, message);
    }
}
