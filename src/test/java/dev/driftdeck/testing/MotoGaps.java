package dev.driftdeck.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Supported types whose listing moto 5.2.1 cannot answer at all: it has no DescribeQueryDefinitions,
 * DescribeAccountPolicies, ListLogAnomalyDetectors, ListMetricStreams, DescribeTrustStores,
 * DescribeVpcBlockPublicAccessOptions or DescribeVpcBlockPublicAccessExclusions, and no ListResourcesForWebACL (which
 * web ACL associations are listed with under a managed web ACL), and answers them HTTP 500 ("The ... action has not
 * been implemented"). A scan of moto reports each as a failed listing, not checked with an alert, which is what it is
 * there. Tests about other types leave these out or expect them failed; LogsWireMockTest, CloudWatchWireMockTest and
 * NetworkEdgeWireMockTest list them against the responses the API references document.
 */
public final class MotoGaps {

    public static final Set<String> NOT_LISTABLE_TYPES = Set.of("aws_cloudwatch_query_definition",
            "aws_cloudwatch_log_account_policy", "aws_cloudwatch_log_anomaly_detector", "aws_cloudwatch_metric_stream",
            "aws_lb_trust_store", "aws_vpc_block_public_access_options", "aws_vpc_block_public_access_exclusion",
            "aws_wafv2_web_acl_association");

    /**
     * The read call moto 5.2.1 lacks outside the listings: CloudTrail {@code LookupEvents} (HTTP 500), which "who
     * changed it" asks for each drift on a type CloudTrail names. A scan of moto with such drift raises one alert per
     * account and region for it ("Looking up who changed ... in CloudTrail Event history ... failed (... Status Code:
     * 500 ...)"); CloudTrailLookupWireMockTest answers it as AWS documents it.
     */
    static boolean isUnimplementedLookup(String alertLine) {
        return alertLine.contains("Looking up who changed") && alertLine.contains("in CloudTrail Event history")
                && alertLine.contains("Status Code: 500");
    }

    /**
     * How the scheduler ends a scan of every type against moto: PARTIAL, because the gaps' listings fail. Tests
     * that accept it also check {@link #onlyGapsFailed} so no other failure hides behind it.
     */
    public static final String SCAN_OUTCOME = "PARTIAL";

    /**
     * True when the console's alert lines ("type · account · region: message", one per line) are all about the gaps:
     * one per gap type and region, and the lookup moto lacks ({@link #isUnimplementedLookup}), nothing else.
     */
    public static boolean onlyGapsFailed(String alertLines) {
        java.util.List<String> lines = alertLines.lines().filter(line -> !line.isBlank()).toList();
        return lines.stream().anyMatch(line -> NOT_LISTABLE_TYPES.contains(line.split(" ", 2)[0]))
                && lines.stream().allMatch(line -> NOT_LISTABLE_TYPES.contains(line.split(" ", 2)[0])
                        || isUnimplementedLookup(line));
    }

    /**
     * A {@code .driftignore} in {@code dir} leaving out whole the types moto cannot list, as an operator would, so a
     * scan of moto has no failed listing: each gap otherwise costs the SDK's five attempts with backoff, and the
     * scope's place in the scanner's pool meanwhile. For tests about something else; the gaps' own failure path is
     * tested where a test says so.
     */
    public static Path ignoreFile(Path dir) {
        try {
            Path ignore = dir.resolve(".driftignore-moto");
            Files.write(ignore, NOT_LISTABLE_TYPES.stream().map(type -> type + ".*").toList());
            return ignore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MotoGaps() {
    }
}
