package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import dev.driftdeck.remediation.ImportIds;

/**
 * Policies written as their own resource on a DynamoDB table or an SNS topic, neither of which shows them as an
 * attribute: {@code aws_dynamodb_resource_policy} (who may use the table) and
 * {@code aws_sns_topic_data_protection_policy} (what the topic audits, masks or denies). Neither API lists policies:
 * one Get call per resource ARN worth it.
 *
 * <p>A table's resource policy grants access, so it is read on every managed table too: one set by hand on a managed
 * table with no {@code aws_dynamodb_resource_policy} is UNMANAGED. A data protection policy only restricts, and is
 * read only where a state manages it (one call per such topic); one on an unmanaged table or topic is that parent's
 * business (one UNMANAGED finding, not two).
 */
final class DataPolicyCollectors {

    static final String TABLE_POLICY = "aws_dynamodb_resource_policy";
    static final String TOPIC_DATA_PROTECTION = "aws_sns_topic_data_protection_policy";

    private DataPolicyCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the table's (or stream's) ARN.
                CollectorDefinition.regional(TABLE_POLICY).actions("dynamodb:GetResourcePolicy")
                        .compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "resource_arn")
                        .notCompared("a flag of the PutResourcePolicy call; AWS does not keep it",
                                "confirm_remove_self_resource_access")
                        .importId(ImportIds.SAME_AS_ID).listedBy(DataPolicyCollectors::tablePolicies),
                // The id is the topic's ARN.
                CollectorDefinition.regional(TOPIC_DATA_PROTECTION).actions("sns:GetDataProtectionPolicy")
                        .compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.IDENTITY, "arn")
                        .importId(ImportIds.SAME_AS_ID).listedBy(DataPolicyCollectors::topicDataProtection));
    }

    private static List<LiveResource> tablePolicies(CollectorContext ctx) {
        Set<String> arns = inScope(ctx, ctx.managed().ids(TABLE_POLICY));
        ctx.managed().resources(DatabaseCollectors.DYNAMODB_TABLE).values().forEach(table -> {
            if (table.get("arn") instanceof String arn) {
                arns.addAll(inScope(ctx, Set.of(arn)));
            }
        });
        var dynamo = ctx.session().dynamodb(ctx.region());
        List<LiveResource> policies = new ArrayList<>();
        for (String arn : arns) {
            try {
                String policy = dynamo.getResourcePolicy(r -> r.resourceArn(arn)).policy();
                policies.add(ctx.resource(TABLE_POLICY, arn, Attributes.of()
                        .put("resource_arn", arn)
                        .put("policy", policy)
                        .build()));
            } catch (PolicyNotFoundException | ResourceNotFoundException none) {
                // no policy, or no table any more (the table's own listing reports it MISSING)
            }
        }
        return policies;
    }

    private static List<LiveResource> topicDataProtection(CollectorContext ctx) {
        var sns = ctx.session().sns(ctx.region());
        List<LiveResource> policies = new ArrayList<>();
        for (String arn : inScope(ctx, ctx.managed().ids(TOPIC_DATA_PROTECTION))) {
            try {
                String policy = sns.getDataProtectionPolicy(r -> r.resourceArn(arn)).dataProtectionPolicy();
                if (policy != null && !policy.isBlank()) {
                    policies.add(ctx.resource(TOPIC_DATA_PROTECTION, arn, Attributes.of()
                            .put("arn", arn)
                            .put("policy", policy)
                            .build()));
                }
            } catch (NotFoundException topicGone) {
                // no topic any more: the policy is MISSING with it
            }
        }
        return policies;
    }

    /** Of these ARNs, the ones in the listed account and region ({@code arn:aws:<service>:<region>:<account>:...}). */
    private static Set<String> inScope(CollectorContext ctx, Set<String> arns) {
        Set<String> inScope = new TreeSet<>();
        for (String arn : arns) {
            String[] parts = arn.split(":", 6);
            if (parts.length == 6 && parts[3].equals(ctx.region()) && parts[4].equals(ctx.account())) {
                inScope.add(arn);
            }
        }
        return inScope;
    }
}
