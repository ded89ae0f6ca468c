package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccountPolicy;
import software.amazon.awssdk.services.cloudwatchlogs.model.AnomalyDetector;
import software.amazon.awssdk.services.cloudwatchlogs.model.AnomalyDetectorStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.DataProtectionStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeAccountPoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.PolicyType;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudWatch Logs settings that are not log groups, per region: saved Logs Insights queries, a log group's data
 * protection (masking) policy, account-wide policies and anomaly detectors. Each is listed at its API's page floor;
 * only the data protection policy document costs a call per managed policy, since no listing carries it.
 */
final class LogPolicyCollectors {

    static final String QUERY_DEFINITION = "aws_cloudwatch_query_definition";
    static final String DATA_PROTECTION_POLICY = "aws_cloudwatch_log_data_protection_policy";
    static final String ACCOUNT_POLICY = "aws_cloudwatch_log_account_policy";
    static final String ANOMALY_DETECTOR = "aws_cloudwatch_log_anomaly_detector";
    private static final int QUERY_PAGE = 1000;
    private static final int DETECTOR_PAGE = 50;

    private LogPolicyCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(QUERY_DEFINITION).actions("logs:DescribeQueryDefinitions")
                        .compare("name", STRING).compare("query_string", STRING).compare("log_group_names", SET)
                        .importId(ImportIds.computed("the query definition ARN", ImportIdsOf::queryDefinitionArn)).listedBy(LogPolicyCollectors::queryDefinitions),
                CollectorDefinition.regional(DATA_PROTECTION_POLICY)
                        .actions("logs:DescribeLogGroups", "logs:GetDataProtectionPolicy")
                        .compare("policy_document", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "log_group_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LogPolicyCollectors::dataProtectionPolicies),
                CollectorDefinition.regional(ACCOUNT_POLICY).actions("logs:DescribeAccountPolicies")
                        .idFrom("policy_name", "policy_type")
                        .compare("policy_document", JSON_DOCUMENT).compare("scope", STRING)
                        .compare("selection_criteria", STRING)
                        .notCompared(NotCompared.IDENTITY, "policy_name", "policy_type")
                        .importId(ImportIds.computed("POLICYNAME:POLICYTYPE", live -> ImportIdsOf.lastSlashAs(live, ":"))).listedBy(LogPolicyCollectors::accountPolicies),
                CollectorDefinition.regional(ANOMALY_DETECTOR)
                        .actions("logs:ListLogAnomalyDetectors", "logs:ListTagsForResource")
                        .idFrom("arn")
                        .compare("detector_name", STRING).compare("enabled", SCALAR)
                        .compare("evaluation_frequency", STRING).compare("filter_pattern", STRING)
                        .compare("kms_key_id", STRING).compare("log_group_arn_list", SET)
                        .compare("anomaly_visibility_time", SCALAR).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(LogPolicyCollectors::anomalyDetectors));
    }

    /** Saved queries are matched on the id AWS gives them; their name is a setting the console edits. */
    private static List<LiveResource> queryDefinitions(CollectorContext ctx) {
        List<LiveResource> queries = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeQueryDefinitionsResponse page = logs(ctx).describeQueryDefinitions(r -> r.maxResults(QUERY_PAGE)
                    .nextToken(next));
            for (QueryDefinition query : page.queryDefinitions()) {
                String id = query.queryDefinitionId();
                queries.add(!ctx.manages(QUERY_DEFINITION, id) ? ctx.identityOnly(QUERY_DEFINITION, id)
                        : ctx.resource(QUERY_DEFINITION, id, Attributes.of()
                                .put("name", query.name())
                                .put("query_string", query.queryString())
                                .put("log_group_names", query.logGroupNames())
                                .build()));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return queries;
    }

    /**
     * DescribeLogGroups (the listing the log group type shares) tells which groups have a policy in force
     * (ACTIVATED); the document itself costs one GetDataProtectionPolicy per managed policy.
     */
    private static List<LiveResource> dataProtectionPolicies(CollectorContext ctx) {
        List<LiveResource> policies = new ArrayList<>();
        for (LogGroup group : MonitoringCollectors.logGroups(ctx)) {
            if (group.dataProtectionStatus() != DataProtectionStatus.ACTIVATED) {
                continue;
            }
            String name = group.logGroupName();
            policies.add(!ctx.manages(DATA_PROTECTION_POLICY, name) ? ctx.identityOnly(DATA_PROTECTION_POLICY, name)
                    : ctx.resource(DATA_PROTECTION_POLICY, name, Map.of("policy_document", logs(ctx)
                            .getDataProtectionPolicy(r -> r.logGroupIdentifier(name)).policyDocument())));
        }
        return policies;
    }

    /** The API lists one policy type at a time (it takes no page size): every type the SDK knows is asked for. */
    private static List<LiveResource> accountPolicies(CollectorContext ctx) {
        List<LiveResource> policies = new ArrayList<>();
        for (PolicyType type : PolicyType.knownValues()) {
            String token = null;
            do {
                String next = token;
                DescribeAccountPoliciesResponse page = logs(ctx).describeAccountPolicies(r -> r.policyType(type)
                        .nextToken(next));
                page.accountPolicies().forEach(policy -> policies.add(accountPolicy(ctx, policy)));
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return policies;
    }

    private static LiveResource accountPolicy(CollectorContext ctx, AccountPolicy policy) {
        String id = policy.policyName() + "/" + policy.policyTypeAsString();
        return !ctx.manages(ACCOUNT_POLICY, id) ? ctx.identityOnly(ACCOUNT_POLICY, id)
                : ctx.resource(ACCOUNT_POLICY, id, Attributes.of()
                        .put("policy_document", policy.policyDocument())
                        .put("scope", policy.scopeAsString())
                        .put("selection_criteria", policy.selectionCriteria())
                        .build());
    }

    /**
     * The provider keeps {@code enabled} as configured (AWS returns no such field): a detector turned off is PAUSED,
     * so {@code enabled} is read as "not paused".
     */
    private static List<LiveResource> anomalyDetectors(CollectorContext ctx) {
        List<LiveResource> detectors = new ArrayList<>();
        for (AnomalyDetector detector : logs(ctx).listLogAnomalyDetectorsPaginator(r -> r.limit(DETECTOR_PAGE))
                .anomalyDetectors()) {
            String arn = detector.anomalyDetectorArn();
            detectors.add(!ctx.manages(ANOMALY_DETECTOR, arn) ? ctx.identityOnly(ANOMALY_DETECTOR, arn)
                    : ctx.resource(ANOMALY_DETECTOR, arn, Attributes.of()
                            .put("detector_name", detector.detectorName())
                            .put("enabled", detector.anomalyDetectorStatus() != AnomalyDetectorStatus.PAUSED)
                            .put("evaluation_frequency", detector.evaluationFrequencyAsString())
                            .put("filter_pattern", detector.filterPattern())
                            .put("kms_key_id", detector.kmsKeyId())
                            .put("log_group_arn_list", detector.logGroupArnList())
                            .put("anomaly_visibility_time", detector.anomalyVisibilityTime())
                            .put("tags", Map.copyOf(logs(ctx).listTagsForResource(r -> r.resourceArn(arn)).tags()))
                            .build()));
        }
        return detectors;
    }

    private static CloudWatchLogsClient logs(CollectorContext ctx) {
        return ctx.session().logs(ctx.region());
    }
}
