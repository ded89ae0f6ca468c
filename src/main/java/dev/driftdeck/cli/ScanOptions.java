package dev.driftdeck.cli;

import dev.driftdeck.scan.AccountTarget;
import dev.driftdeck.scan.ScanRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How a scan reaches AWS, the options {@code scan} and {@code serve} share. Each command declares its own
 * {@code --state}: required for {@code scan}, optional for {@code serve} (whose default is the stored sources).
 */
final class ScanOptions {

    @Option(names = "--region", paramLabel = "R",
            description = "Region to scan, repeatable (default: the profile's or AWS_REGION)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "P",
            description = "AWS profile, repeatable: each is one account (SSO and assume-role profiles work)")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Role to assume (from the first --profile, or the default credentials), repeatable: each is one account")
    List<String> roleArns = new ArrayList<>();

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for every --role-arn")
    String externalId;

    @Option(names = "--endpoint-url", paramLabel = "U",
            description = "AWS-compatible endpoint, e.g. an emulator (AWS_ENDPOINT_URL is honoured too)")
    String endpointUrl;

    @Option(names = "--driftignore", paramLabel = "F", description = "Ignore rules (default: ./.driftignore when present)")
    Path driftignore;

    @Option(names = "--strict", description = "Keep AWS default resources (default VPC, service-linked roles...)")
    boolean strict;

    @Option(names = "--cloudtrail", paramLabel = "S3_URI",
            description = "Look up who changed the drift in a trail's log files, s3://bucket/prefix/ (the folder above"
                    + " AWSLogs/), instead of CloudTrail Event history (the default)")
    String cloudTrail;

    /** The scan of {@code states} these options describe. */
    ScanRequest request(List<String> states) {
        Path ignoreFile = driftignore;
        if (ignoreFile == null && Files.isRegularFile(Path.of(".driftignore"))) {
            ignoreFile = Path.of(".driftignore");
        }
        String baseProfile = profiles.isEmpty() ? null : profiles.getFirst();
        List<AccountTarget> accounts = new ArrayList<>();
        if (roleArns.isEmpty() || profiles.size() > 1) {
            profiles.forEach(p -> accounts.add(new AccountTarget(p, null, null)));
        }
        roleArns.forEach(arn -> accounts.add(new AccountTarget(baseProfile, arn, externalId)));
        return new ScanRequest(states, regions, baseProfile, endpointUrl, strict, ignoreFile, accounts, cloudTrail);
    }
}
