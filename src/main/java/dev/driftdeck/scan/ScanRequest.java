package dev.driftdeck.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What to reconcile against what: the same for the CLI, the scheduled job and "Scan now".
 *
 * @param stateUris   state sources: file, directory or glob (later also s3://)
 * @param regions     regions to scan; empty means the profile's or AWS_REGION's default
 * @param profile     AWS profile name, or null for the default credential chain
 * @param endpointUrl AWS-compatible endpoint override (emulators), or null
 * @param strict      keep AWS default resources (default VPC, service-linked roles...)
 * @param driftignore the .driftignore file to apply, or null
 * @param accounts    the identities to list, each an account; empty means the one of {@code profile}
 */
public record ScanRequest(
        List<String> stateUris,
        List<String> regions,
        String profile,
        String endpointUrl,
        boolean strict,
        Path driftignore,
        List<AccountTarget> accounts) {

    public ScanRequest {
        stateUris = List.copyOf(stateUris);
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
    }

    /** One account: the profile's (or the default chain's). */
    public ScanRequest(List<String> stateUris, List<String> regions, String profile, String endpointUrl,
                       boolean strict, Path driftignore) {
        this(stateUris, regions, profile, endpointUrl, strict, driftignore, List.of());
    }

    /** The identities to list: the explicit accounts, else the profile's. */
    public List<AccountTarget> targets() {
        return accounts.isEmpty() ? List.of(new AccountTarget(profile, null, null)) : accounts;
    }
}
