package dev.driftdeck.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What to reconcile against what: the same for the CLI, the scheduled job and "Scan now".
 *
 * @param stateUris   state sources: file, directory or glob (later also s3://)
 * @param regions     regions to scan; empty means the profile's or AWS_REGION's default (blank entries are dropped)
 * @param profile     AWS profile name, or null for the default credential chain (blank means null)
 * @param endpointUrl AWS-compatible endpoint override (emulators), or null (blank means null)
 * @param strict      keep AWS default resources (default VPC, service-linked roles...)
 * @param driftignore the .driftignore file to apply, or null
 * @param accounts    the identities to list, each an account; empty means the one of {@code profile}
 * @param cloudTrail  where to look up who changed the drift: a trail's logs {@code s3://bucket/prefix/}, or null for
 *                    CloudTrail Event history (blank means null)
 */
public record ScanRequest(
        List<String> stateUris,
        List<String> regions,
        String profile,
        String endpointUrl,
        boolean strict,
        Path driftignore,
        List<AccountTarget> accounts,
        String cloudTrail) {

    /**
     * A blank field means "the default" here, where settings, CLI options and jobs become one request: the console
     * stores an empty profile field as "", and every check below (Regions, the credential chain) reads null.
     */
    public ScanRequest {
        stateUris = List.copyOf(stateUris);
        regions = regions.stream().filter(region -> region != null && !region.isBlank()).map(String::strip).toList();
        profile = blankToNull(profile);
        endpointUrl = blankToNull(endpointUrl);
        accounts = List.copyOf(accounts);
        cloudTrail = blankToNull(cloudTrail);
    }

    /** Who changed the drift comes from CloudTrail Event history. */
    public ScanRequest(List<String> stateUris, List<String> regions, String profile, String endpointUrl,
                       boolean strict, Path driftignore, List<AccountTarget> accounts) {
        this(stateUris, regions, profile, endpointUrl, strict, driftignore, accounts, null);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
