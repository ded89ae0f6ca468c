package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import dev.driftdeck.remediation.ImportIds;

/**
 * Secrets Manager secret versions, per region: METADATA ONLY. A version's id and staging labels come from ListSecrets
 * ({@code SecretVersionsToStages}, 100 secrets a page); a secret whose versions a state manages costs one
 * ListSecretVersionIds (deprecated versions included), so a managed version that lost every label reads CHANGED, not
 * MISSING. GetSecretValue and BatchGetSecretValue are never called: the secret's value is never read, compared,
 * stored or shown ({@code secret_string} and {@code secret_binary} are masked in the state at parse time).
 * Versions of a secret a state manages (as the secret or through a version) that no state manages are UNMANAGED;
 * those of an unmanaged secret are that secret's business.
 */
final class SecretVersionCollectors {

    static final String VERSION = "aws_secretsmanager_secret_version";
    static final String NEVER_READ = "the secret's value: Driftdeck never calls GetSecretValue";

    private SecretVersionCollectors() {
    }

    static List<CollectorDefinition> all() {
        // Terraform's id is secret_id|version_id, secret_id as the state spells it (ARN or name).
        return List.of(CollectorDefinition.regional(VERSION)
                .actions("secretsmanager:ListSecrets", "secretsmanager:ListSecretVersionIds")
                .compare("version_stages", SET)
                .notCompared(NotCompared.IDENTITY, "secret_id")
                .notCompared(NEVER_READ, "secret_string", "secret_binary")
                .notCompared(NotCompared.WRITE_ONLY_SECRET, "secret_string_wo")
                .notCompared(NotCompared.TERRAFORM_ONLY, "secret_string_wo_version")
                .importId(ImportIds.SAME_AS_ID).listedBy(SecretVersionCollectors::versions));
    }

    private static List<LiveResource> versions(CollectorContext ctx) {
        // secret name or ARN -> the state's spelling of it, for every secret a state manages
        Map<String, String> versionSpellings = new HashMap<>();
        ctx.managed().resources(VERSION).values().forEach(state -> {
            String spelling = String.valueOf(state.get("secret_id"));
            versionSpellings.put(spelling, spelling);
        });
        SecretsManagerClient secrets = ctx.session().secretsManager(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (SecretListEntry secret : secrets.listSecretsPaginator(r -> r.maxResults(100)).stream()
                .flatMap(page -> page.secretList().stream()).toList()) {
            if (secret.deletedDate() != null) {
                continue; // scheduled for deletion: gone for Terraform
            }
            String spelling = versionSpellings.containsKey(secret.arn()) ? secret.arn()
                    : versionSpellings.containsKey(secret.name()) ? secret.name() : null;
            if (spelling == null && !ctx.manages(SecretsCollectors.SECRET, secret.arn())) {
                continue; // an unmanaged secret's versions are the secret's business
            }
            String prefix = (spelling == null ? secret.arn() : spelling) + "|";
            Map<String, List<String>> stages = spelling == null ? secret.secretVersionsToStages() : allVersions(secrets, secret);
            stages.forEach((version, labels) -> {
                if (ctx.manages(VERSION, prefix + version)) {
                    resources.add(ctx.resource(VERSION, prefix + version,
                            Attributes.of().put("version_stages", labels).build()));
                } else if (!labels.isEmpty()) {
                    // A version without a label is deprecated: AWS deletes it, nobody manages it.
                    resources.add(ctx.identityOnly(VERSION, prefix + version));
                }
            });
        }
        return resources;
    }

    /** Every version of the secret with its labels, deprecated (label-less) ones included. */
    private static Map<String, List<String>> allVersions(SecretsManagerClient secrets, SecretListEntry secret) {
        Map<String, List<String>> stages = new HashMap<>();
        for (SecretVersionsListEntry version : secrets.listSecretVersionIdsPaginator(r -> r.secretId(secret.arn())
                .includeDeprecated(true).maxResults(100)).stream().flatMap(page -> page.versions().stream()).toList()) {
            stages.put(version.versionId(), version.versionStages());
        }
        return stages;
    }
}
