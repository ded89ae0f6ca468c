package dev.driftdeck.aws;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** What the console's AWS access settings offer to pick from: the user's AWS profiles and the regions the SDK knows. */
public final class AwsChoices {

    /** The partitions a profile or SSO login of an ordinary account reaches; the isolated ones need their own SDK setup. */
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

    private AwsChoices() {
    }

    /**
     * Every profile of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), by
     * name, read as the SDK reads them. Reads the files: call it off the FX thread.
     *
     * @throws IllegalStateException naming the files when they cannot be parsed
     */
    public static List<String> profiles() {
        ProfileFile files;
        try {
            files = ProfileFile.defaultProfileFile();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The AWS config files cannot be read (" + e.getMessage() + "). Fix"
                    + " ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).", e);
        }
        return files.profiles().keySet().stream().sorted().toList();
    }

    /** Region id to its name ("eu-west-1" to "Europe (Ireland)"), by id, from the SDK's region metadata. */
    public static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        Region.regions().stream()
                .filter(region -> !region.isGlobalRegion() && region.metadata() != null
                        && PARTITIONS.contains(region.metadata().partition().id()))
                .sorted(Comparator.comparing(Region::id))
                .forEach(region -> regions.put(region.id(), region.metadata().description()));
        return regions;
    }
}
