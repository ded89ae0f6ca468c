package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import dev.driftdeck.remediation.ImportIds;

/**
 * Secrets Manager secrets and SSM parameters, per region; metadata only, never a secret value.
 * ListSecrets and DescribeParameters carry most of what is compared (tags included for secrets); a managed secret's
 * resource policy costs one GetResourcePolicy, a managed parameter's tags one ListTagsForResource.
 */
final class SecretsCollectors {

    static final String SECRET = "aws_secretsmanager_secret";
    static final String PARAMETER = "aws_ssm_parameter";
    /** Not supported yet, but a secret a state manages this way compares its policy there (SeparatelyManaged). */
    private static final String SECRET_POLICY = "aws_secretsmanager_secret_policy";
    private static final String NEVER_READ =
            "the parameter's value: a scan never reads it (it may be a secret, and would be stored with the scan)";

    private SecretsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Secrets scheduled for deletion are gone for Terraform.
                CollectorDefinition.regional(SECRET).actions("secretsmanager:ListSecrets",
                                "secretsmanager:GetResourcePolicy")
                        .compare("name", STRING).compare("description", STRING).compare("kms_key_id", STRING)
                        .compareTags().compare("policy", JSON_DOCUMENT)
                        .notCompared(NotCompared.NOT_RETURNED, "recovery_window_in_days")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_overwrite_replica_secret")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.costsACall("DescribeSecret"), "replica")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().secretsManager(ctx.region()).listSecretsPaginator(r -> r.maxResults(100)).stream().flatMap(page -> page.secretList().stream())
                                .filter(secret -> secret.deletedDate() == null)
                                .map(secret -> secret(ctx, secret))
                                .toList()),
                CollectorDefinition.regional(PARAMETER).actions("ssm:DescribeParameters", "ssm:ListTagsForResource")
                        .compare("type", CASE_INSENSITIVE).compare("description", STRING).compare("tier", CASE_INSENSITIVE)
                        .compare("allowed_pattern", STRING).compare("data_type", STRING).compare("key_id", STRING)
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "name", "arn")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "overwrite")
                        .notCompared(NEVER_READ, "value")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "value_wo")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "value_wo_version")
                        .notCompared(NotCompared.costsACall("GetParameters"), "insecure_value")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().ssm(ctx.region()).describeParametersPaginator(r -> r.maxResults(50)).stream().flatMap(page -> page.parameters().stream())
                                .map(parameter -> parameter(ctx, parameter))
                                .flatMap(java.util.Optional::stream)
                                .toList()));
    }

    private static LiveResource secret(CollectorContext ctx, SecretListEntry secret) {
        Attributes attributes = Attributes.of()
                .put("name", secret.name())
                .put("description", secret.description())
                .put("kms_key_id", secret.kmsKeyId())
                .put("tags", Tags.toMap(secret.tags(), t -> t.key(), t -> t.value()));
        if (ctx.manages(SECRET, secret.arn())) {
            attributes.put("policy", SeparatelyManaged.orStateValue(ctx, SECRET, secret.arn(), "policy",
                    ctx.manages(SECRET_POLICY, secret.arn()), policy(ctx, secret.arn())));
        }
        return ctx.resource(SECRET, secret.arn(), attributes.build());
    }

    private static String policy(CollectorContext ctx, String arn) {
        try {
            return ctx.session().secretsManager(ctx.region()).getResourcePolicy(r -> r.secretId(arn)).resourcePolicy();
        } catch (ResourceNotFoundException deletedMeanwhile) {
            return null;
        }
    }

    /** Empty when a managed parameter was deleted between the listing and its tags: it is not there any more. */
    private static java.util.Optional<LiveResource> parameter(CollectorContext ctx, ParameterMetadata parameter) {
        Attributes attributes = Attributes.of()
                .put("type", parameter.typeAsString())
                .put("description", parameter.description())
                .put("tier", parameter.tierAsString())
                .put("allowed_pattern", parameter.allowedPattern())
                .put("data_type", parameter.dataType())
                .put("key_id", parameter.keyId());
        if (ctx.manages(PARAMETER, parameter.name())) {
            try {
                attributes.put("tags", Tags.toMap(ctx.session().ssm(ctx.region()).listTagsForResource(r -> r
                                .resourceType(ResourceTypeForTagging.PARAMETER).resourceId(parameter.name())).tagList(),
                        t -> t.key(), t -> t.value()));
            } catch (InvalidResourceIdException deletedMeanwhile) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(ctx.resource(PARAMETER, parameter.name(), attributes.build()));
    }
}
