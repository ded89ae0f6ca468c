package dev.driftdeck.state.s3;

import dev.driftdeck.state.LoadedState;
import dev.driftdeck.state.RemoteStateReader;
import dev.driftdeck.state.StateAccess;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateException;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.state.StateVersion;
import dev.driftdeck.state.TfStateParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads S3 state sources (see {@link S3StateUri} for the forms). Every read is conditional against the
 * {@link StateCache}: a single object is fetched with If-None-Match and an unchanged one answers 304 without a body;
 * objects found by a listing (prefix, all workspaces) are compared by the ETag the listing already returned and not
 * fetched at all when it is unchanged. Thread-safe.
 */
public final class S3StateReader implements RemoteStateReader {

    private static final Logger log = LoggerFactory.getLogger(S3StateReader.class);
    private static final int NOT_MODIFIED = 304;

    private final TfStateParser parser;
    private final StateCache cache;
    private final Function<S3Access, S3Client> clients;

    /** @param clients builds (or reuses) the client for one access; {@link S3Clients#client} in production */
    public S3StateReader(TfStateParser parser, StateCache cache, Function<S3Access, S3Client> clients) {
        this.parser = parser;
        this.cache = cache;
        this.clients = clients;
    }

    @Override
    public boolean handles(String uri) {
        return S3StateUri.isS3(uri);
    }

    @Override
    public List<LoadedState> load(String uri, StateAccess scanAccess) {
        S3StateUri source;
        try {
            source = S3StateUri.parse(uri);
        } catch (StateException e) {
            return List.of(failed(uri, e.getMessage(), null));
        }
        S3Access access = S3Access.of(source, scanAccess);
        S3Client s3;
        try {
            s3 = clients.apply(access);
        } catch (SdkException | IllegalArgumentException e) {
            return List.of(failed(uri, "S3 state " + uri + ": cannot build an S3 client for " + access.who()
                    + " in " + access.region() + " (" + e.getMessage() + "). Check ~/.aws/config or fix the source.", null));
        }
        S3Errors errors = new S3Errors(uri, access);
        try {
            if (source.isPrefix()) {
                return prefix(s3, source, errors);
            }
            if (!source.workspaces().isEmpty()) {
                return workspaces(s3, source, errors);
            }
            return List.of(object(s3, source, source.key(), null, Optional.empty(), errors));
        } catch (SdkException e) {
            // A listing failed: the whole source is unknown.
            return List.of(failed(uri, errors.listing(e), null));
        }
    }

    private List<LoadedState> prefix(S3Client s3, S3StateUri source, S3Errors errors) {
        List<LoadedState> loaded = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(source.bucket()).prefix(source.key())).contents()) {
            // Zero-byte objects are what a console "create folder" or an interrupted upload leaves: not states.
            if (object.key().endsWith(".tfstate") && object.size() != null && object.size() > 0) {
                loaded.add(object(s3, source, object.key(), null, Optional.of(object.eTag()), errors));
            }
        }
        if (loaded.isEmpty()) {
            return List.of(failed(source.objectUri(source.key()), "S3 state prefix " + source.objectUri(source.key())
                    + " holds no non-empty *.tfstate object: check the bucket and prefix, or remove the source.", null));
        }
        return loaded;
    }

    private List<LoadedState> workspaces(S3Client s3, S3StateUri source, S3Errors errors) {
        List<LoadedState> loaded = new ArrayList<>();
        if (!source.allWorkspaces()) {
            for (String workspace : source.workspaces()) {
                loaded.add(object(s3, source, source.workspaceKey(workspace), workspace, Optional.empty(), errors));
            }
            return loaded;
        }
        // Terraform writes the default workspace at the key itself; a backend used only through named workspaces
        // has no such object, which is not an error.
        LoadedState base = object(s3, source, source.key(), S3StateUri.DEFAULT_WORKSPACE, Optional.empty(), errors);
        if (!(base instanceof LoadedState.Failed failed && failed.message().contains(S3Errors.DOES_NOT_EXIST))) {
            loaded.add(base);
        }
        String listPrefix = source.workspaceKeyPrefix() + "/";
        String suffix = "/" + source.key();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(source.bucket()).prefix(listPrefix)).contents()) {
            String key = object.key();
            if (!key.endsWith(suffix) || object.size() == null || object.size() == 0) {
                continue;
            }
            String workspace = key.substring(listPrefix.length(), key.length() - suffix.length());
            if (!workspace.isEmpty() && !workspace.contains("/")) {
                loaded.add(object(s3, source, key, workspace, Optional.of(object.eTag()), errors));
            }
        }
        if (loaded.isEmpty()) {
            return List.of(failed(source.objectUri(source.key()), "S3 state " + source.objectUri(source.key())
                    + " has no workspace state (looked for " + source.key() + " and " + listPrefix + "*/"
                    + source.key() + "): check the key and workspace_key_prefix, or remove the source.", null));
        }
        return loaded;
    }

    /**
     * One object, read only if it changed.
     *
     * @param listedEtag the ETag a listing returned for it; when it equals the cached one, no request is made at all
     */
    private LoadedState object(S3Client s3, S3StateUri source, String key, String workspace, Optional<String> listedEtag,
                               S3Errors errors) {
        String objectUri = source.objectUri(key);
        Optional<StateCache.Entry> cached = cache.get(objectUri);
        if (cached.isPresent() && listedEtag.isPresent() && listedEtag.get().equals(cached.get().version().etag())) {
            return new LoadedState.Loaded(objectUri, cached.get().snapshot(), workspace, cached.get().version(), true);
        }
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(source.bucket()).key(key);
        cached.map(entry -> entry.version().etag()).ifPresent(get::ifNoneMatch);
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(get.build())) {
            StateVersion version = new StateVersion(body.response().eTag(), body.response().versionId());
            StateSnapshot snapshot = parser.parse(body, objectUri);
            cache.put(objectUri, version, snapshot);
            return new LoadedState.Loaded(objectUri, snapshot, workspace, version, false);
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_MODIFIED && cached.isPresent()) {
                return new LoadedState.Loaded(objectUri, cached.get().snapshot(), workspace, cached.get().version(), true);
            }
            cache.forget(objectUri);
            return failed(objectUri, errors.object(objectUri, e instanceof NoSuchKeyException ? 404 : e.statusCode(), e), workspace);
        } catch (SdkException e) {
            cache.forget(objectUri);
            return failed(objectUri, errors.object(objectUri, 0, e), workspace);
        } catch (StateException e) {
            cache.forget(objectUri);
            return failed(objectUri, e.getMessage(), workspace);
        } catch (IOException e) {
            cache.forget(objectUri);
            return failed(objectUri, "S3 state " + objectUri + ": reading the object failed (" + e.getMessage()
                    + "). The next sync tries again.", workspace);
        }
    }

    private static LoadedState failed(String uri, String message, String workspace) {
        log.warn("State source skipped: {}", message);
        return new LoadedState.Failed(uri, message, workspace);
    }
}
