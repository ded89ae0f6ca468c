package dev.driftdeck.testing;

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

    private MotoGaps() {
    }
}
