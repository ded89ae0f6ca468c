package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import dev.driftdeck.remediation.ImportIds;

/**
 * The account's singletons: the S3 public access block of the account, the IAM account alias and the IAM password
 * policy. Each exists at most once per account, so one call reads it whether or not a state manages it. AWS's
 * default is to have none (no block, no alias, no policy): one that exists and no state manages is UNMANAGED; an
 * account block with every setting off behaves as none and is left out unless strict.
 */
final class AccountSettingsCollectors {

    static final String PUBLIC_ACCESS_BLOCK = "aws_s3_account_public_access_block";
    static final String ALIAS = "aws_iam_account_alias";
    static final String PASSWORD_POLICY = "aws_iam_account_password_policy";
    /** The provider's fixed id of the one password policy of an account. */
    static final String PASSWORD_POLICY_ID = "iam-account-password-policy";

    private static final List<String> BLOCK_SETTINGS = List.of("BlockPublicAcls", "IgnorePublicAcls",
            "BlockPublicPolicy", "RestrictPublicBuckets");

    private AccountSettingsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the account's id (account_id defaults to the caller's). S3 Control has no SDK module
                // here: read over REST-XML by SignedRequests.
                CollectorDefinition.global(PUBLIC_ACCESS_BLOCK).actions("s3:GetAccountPublicAccessBlock")
                        .compare("block_public_acls", SCALAR).compare("ignore_public_acls", SCALAR)
                        .compare("block_public_policy", SCALAR).compare("restrict_public_buckets", SCALAR)
                        .notCompared(NotCompared.IDENTITY, "account_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AccountSettingsCollectors::publicAccessBlock),
                // ListAccountAliases answers the account's one alias (AWS allows no second).
                CollectorDefinition.global(ALIAS).actions("iam:ListAccountAliases")
                        .notCompared(NotCompared.IDENTITY, "account_alias")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.iam().listAccountAliasesPaginator().accountAliases().stream()
                                .map(alias -> ctx.resource(ALIAS, alias, Attributes.of()
                                        .put("account_alias", alias)
                                        .build()))
                                .toList()),
                CollectorDefinition.global(PASSWORD_POLICY).actions("iam:GetAccountPasswordPolicy")
                        .compare("minimum_password_length", SCALAR).compare("require_lowercase_characters", SCALAR)
                        .compare("require_uppercase_characters", SCALAR).compare("require_numbers", SCALAR)
                        .compare("require_symbols", SCALAR).compare("allow_users_to_change_password", SCALAR)
                        .compare("max_password_age", SCALAR).compare("password_reuse_prevention", SCALAR)
                        .compare("hard_expiry", SCALAR)
                        .importId(ImportIds.SAME_AS_ID).listedBy(AccountSettingsCollectors::passwordPolicy));
    }

    private static List<LiveResource> publicAccessBlock(CollectorContext ctx) {
        JsonNode block;
        try {
            block = ctx.session().signed(RawApi.S3_CONTROL, ctx.clientRegion())
                    .getXml("GetPublicAccessBlock", "/v20180820/configuration/publicAccessBlock", ctx.account());
        } catch (AwsServiceException e) {
            if ("NoSuchPublicAccessBlockConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return List.of();
            }
            throw e;
        }
        boolean anyOn = BLOCK_SETTINGS.stream().anyMatch(setting -> block.path(setting).asBoolean(false));
        if (!anyOn && !ctx.strict() && !ctx.manages(PUBLIC_ACCESS_BLOCK, ctx.account())) {
            return List.of();
        }
        // An absent setting is off, as the provider reads it.
        return List.of(ctx.resource(PUBLIC_ACCESS_BLOCK, ctx.account(), Attributes.of()
                .put("account_id", ctx.account())
                .put("block_public_acls", block.path("BlockPublicAcls").asBoolean(false))
                .put("ignore_public_acls", block.path("IgnorePublicAcls").asBoolean(false))
                .put("block_public_policy", block.path("BlockPublicPolicy").asBoolean(false))
                .put("restrict_public_buckets", block.path("RestrictPublicBuckets").asBoolean(false))
                .build()));
    }

    private static List<LiveResource> passwordPolicy(CollectorContext ctx) {
        PasswordPolicy policy;
        try {
            policy = ctx.iam().getAccountPasswordPolicy().passwordPolicy();
        } catch (NoSuchEntityException noPolicy) {
            return List.of();
        }
        // As the provider reads them: an absent age or reuse count is 0, an absent hard expiry false.
        return List.of(ctx.resource(PASSWORD_POLICY, PASSWORD_POLICY_ID, Attributes.of()
                .put("minimum_password_length", policy.minimumPasswordLength())
                .put("require_lowercase_characters", policy.requireLowercaseCharacters())
                .put("require_uppercase_characters", policy.requireUppercaseCharacters())
                .put("require_numbers", policy.requireNumbers())
                .put("require_symbols", policy.requireSymbols())
                .put("allow_users_to_change_password", policy.allowUsersToChangePassword())
                .put("max_password_age", policy.maxPasswordAge() == null ? 0 : policy.maxPasswordAge())
                .put("password_reuse_prevention",
                        policy.passwordReusePrevention() == null ? 0 : policy.passwordReusePrevention())
                .put("hard_expiry", Boolean.TRUE.equals(policy.hardExpiry()))
                .build()));
    }
}
