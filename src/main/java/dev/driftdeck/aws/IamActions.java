package dev.driftdeck.aws;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Maps what the SDK calls (service id and operation) to the IAM action a policy must allow, and builds the
 * least-privilege read-only policy from the collectors' declared actions ({@code docs/iam-policy.json}).
 */
public final class IamActions {

    // The SDK's lower-cased service id, where it differs from the IAM prefix.
    private static final Map<String, String> PREFIX_FOR_SERVICE = Map.of(
            "elasticloadbalancingv2", "elasticloadbalancing",
            "cloudwatchlogs", "logs",
            "api gateway", "apigateway",
            "apigatewayv2", "apigateway",
            "eventbridge", "events",
            "sfn", "states");

    // Operations whose IAM action is spelled differently.
    private static final Map<String, String> ACTION_FOR_OPERATION = Map.ofEntries(
            Map.entry("s3:ListBuckets", "s3:ListAllMyBuckets"),
            Map.entry("s3:ListDirectoryBuckets", "s3express:ListAllMyDirectoryBuckets"),
            Map.entry("s3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
            Map.entry("s3control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            Map.entry("s3:GetBucketEncryption", "s3:GetEncryptionConfiguration"),
            Map.entry("s3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
            Map.entry("s3:GetBucketCors", "s3:GetBucketCORS"),
            Map.entry("s3:GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
            Map.entry("s3:GetBucketReplication", "s3:GetReplicationConfiguration"),
            Map.entry("s3:GetBucketNotificationConfiguration", "s3:GetBucketNotification"),
            Map.entry("s3:GetBucketAccelerateConfiguration", "s3:GetAccelerateConfiguration"),
            Map.entry("s3:ListBucketInventoryConfigurations", "s3:GetInventoryConfiguration"),
            Map.entry("s3:ListBucketMetricsConfigurations", "s3:GetMetricsConfiguration"),
            Map.entry("s3:ListBucketAnalyticsConfigurations", "s3:GetAnalyticsConfiguration"),
            Map.entry("s3:ListBucketIntelligentTieringConfigurations", "s3:GetIntelligentTieringConfiguration"));

    /** What looking up who changed the drift calls in CloudTrail Event history (the default source). */
    public static final List<String> ATTRIBUTION = List.of(CloudTrailLookup.ACTION);
    /** What reading a trail's log files ({@code --cloudtrail s3://...}) needs, on that bucket only. */
    public static final List<String> TRAIL_BUCKET = List.of("s3:GetObject", "s3:ListBucket");

    private IamActions() {
    }

    /** The IAM prefix of an SDK service id, e.g. {@code cloudwatchlogs -> logs}. */
    public static String prefix(String sdkService) {
        return PREFIX_FOR_SERVICE.getOrDefault(sdkService, sdkService);
    }

    /**
     * The IAM action of an operation recorded as {@code prefix:Operation}, e.g. {@code s3:ListBuckets}. API Gateway
     * (v1 and v2) authorises by HTTP verb on the resource's path, not by operation: every Get* is {@code apigateway:GET}.
     */
    public static String forOperation(String operation) {
        if (operation.startsWith("apigateway:Get")) {
            return "apigateway:GET";
        }
        return ACTION_FOR_OPERATION.getOrDefault(operation, operation);
    }

    /** Every action the collectors declare, sorted and without duplicates. */
    public static List<String> declared(Collection<? extends Collector> collectors) {
        TreeSet<String> actions = new TreeSet<>();
        collectors.forEach(collector -> actions.addAll(collector.iamActions()));
        return List.copyOf(actions);
    }

    /**
     * The read-only policy a scanning identity needs: every declared action on every resource. STS
     * GetCallerIdentity needs no permission and is not listed.
     */
    public static String policyJson(Collection<? extends Collector> collectors) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n")
                .append("      \"Sid\": \"DriftdeckReadOnlyScan\",\n")
                .append("      \"Effect\": \"Allow\",\n")
                .append("      \"Action\": [\n");
        List<String> actions = declared(collectors);
        for (int i = 0; i < actions.size(); i++) {
            json.append("        \"").append(actions.get(i)).append('"').append(i < actions.size() - 1 ? ",\n" : "\n");
        }
        json.append("      ],\n      \"Resource\": \"*\"\n    },\n");
        // Who changed it: LookupEvents has no resource-level permission; the trail's bucket is the operator's own.
        json.append("    {\n      \"Sid\": \"DriftdeckWhoChangedIt\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\n")
                .append("        \"").append(String.join("\",\n        \"", ATTRIBUTION)).append("\"\n")
                .append("      ],\n      \"Resource\": \"*\"\n    },\n");
        json.append("    {\n      \"Sid\": \"DriftdeckTrailLogsOnlyWithCloudtrailS3\",\n      \"Effect\": \"Allow\",\n")
                .append("      \"Action\": [\n        \"").append(String.join("\",\n        \"", TRAIL_BUCKET)).append("\"\n")
                .append("      ],\n      \"Resource\": [\n        \"arn:aws:s3:::TRAIL-BUCKET\",\n")
                .append("        \"arn:aws:s3:::TRAIL-BUCKET/*\"\n      ]\n    }\n  ]\n}\n");
        return json.toString();
    }

    /** Writes the policy: {@code IamActions <file>} regenerates {@code docs/iam-policy.json}. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0] : "docs/iam-policy.json");
        java.nio.file.Files.writeString(out, policyJson(Collectors.all()));
        System.out.println("wrote " + out);
    }
}
