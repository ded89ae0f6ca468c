package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;

/**
 * Secrets Manager secrets and SSM parameters, per region; metadata only, never a secret value.
 * ListSecrets and DescribeParameters carry everything compared, tags included for secrets.
 */
final class SecretsCollectors {

    static final String SECRET = "aws_secretsmanager_secret";
    static final String PARAMETER = "aws_ssm_parameter";

    private SecretsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Secrets scheduled for deletion are gone for Terraform.
                CollectorDefinition.regional(SECRET).actions("secretsmanager:ListSecrets")
                        .compare("name", STRING).compare("description", STRING).compare("kms_key_id", STRING)
                        .compareTags()
                        .listedBy(ctx -> ctx.session().secretsManager(ctx.region()).listSecretsPaginator(r -> r.maxResults(100)).stream().flatMap(page -> page.secretList().stream())
                                .filter(secret -> secret.deletedDate() == null)
                                .map(secret -> ctx.resource(SECRET, secret.arn(), Attributes.of()
                                        .put("name", secret.name())
                                        .put("description", secret.description())
                                        .put("kms_key_id", secret.kmsKeyId())
                                        .put("tags", Tags.toMap(secret.tags(), t -> t.key(), t -> t.value()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(PARAMETER).actions("ssm:DescribeParameters")
                        .compare("type", CASE_INSENSITIVE).compare("description", STRING).compare("tier", CASE_INSENSITIVE)
                        .listedBy(ctx -> ctx.session().ssm(ctx.region()).describeParametersPaginator(r -> r.maxResults(50)).stream().flatMap(page -> page.parameters().stream())
                                .map(parameter -> ctx.resource(PARAMETER, parameter.name(), Attributes.of()
                                        .put("type", parameter.typeAsString())
                                        .put("description", parameter.description())
                                        .put("tier", parameter.tierAsString())
                                        .build()))
                                .toList()));
    }
}
