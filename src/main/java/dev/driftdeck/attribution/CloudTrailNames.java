package dev.driftdeck.attribution;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Terraform id of a resource to the name CloudTrail records it by, per supported type. A type not listed here is
 * not attributed: a wrong name would find nothing (or another resource's events), so Driftdeck does not guess.
 * Sources: the field notes' mapping table (events and their identifying fields) and real LookupEvents results.
 */
public final class CloudTrailNames {

    /** IAM, STS and CloudFront events are in us-east-1's Event history only (since 2021-11-22). */
    public static final String GLOBAL_EVENTS_REGION = "us-east-1";

    private enum Naming { ID, KMS_KEY_ARN }

    // The id Terraform writes is the name CloudTrail records for these; KMS records the key's ARN.
    private static final Map<String, Naming> SUPPORTED = Map.of(
            "aws_security_group", Naming.ID,
            "aws_instance", Naming.ID,
            "aws_s3_bucket", Naming.ID,
            "aws_iam_role", Naming.ID,
            "aws_iam_user", Naming.ID,
            "aws_iam_policy", Naming.ID,
            "aws_kms_key", Naming.KMS_KEY_ARN);

    private static final Set<String> GLOBAL_PREFIXES = Set.of("aws_iam_", "aws_cloudfront_");

    private CloudTrailNames() {
    }

    /** Every type attributed, for the docs and the tests. */
    public static Set<String> supportedTypes() {
        return SUPPORTED.keySet();
    }

    /**
     * The lookup of one resource, or empty when its type is not supported or its region is not known (a regional
     * type found in no region).
     */
    public static Optional<LookupName> of(String type, String id, String account, String region) {
        Naming naming = SUPPORTED.get(type);
        if (naming == null || id == null || id.isBlank()) {
            return Optional.empty();
        }
        String lookupRegion = GLOBAL_PREFIXES.stream().anyMatch(type::startsWith) ? GLOBAL_EVENTS_REGION : region;
        if (lookupRegion == null || lookupRegion.isBlank() || "global".equals(lookupRegion)) {
            return Optional.empty();
        }
        return switch (naming) {
            case ID -> Optional.of(new LookupName(id, lookupRegion));
            case KMS_KEY_ARN -> account == null ? Optional.empty() : Optional.of(new LookupName(
                    id.startsWith("arn:") ? id : "arn:aws:kms:" + lookupRegion + ":" + account + ":key/" + id, lookupRegion));
        };
    }
}
