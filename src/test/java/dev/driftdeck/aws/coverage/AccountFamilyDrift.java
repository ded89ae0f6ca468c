package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.OriginType;

/**
 * What an operator does in the console to the {@code fixtures/terraform/account} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class AccountFamilyDrift {

    private static final String ACCOUNT = MotoClients.ACCOUNT;
    private static final String USER = "account-ssh-user";
    private static final String THUMBPRINT = "990f4193972f2becf12ddeda5237f9c952f20d9e";

    private AccountFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        account(expected);
        identities(f, expected);
        tablePolicies(f, expected);
        externalKeys(f, expected);
        return expected;
    }

    /** The account's one alias replaced by another, the password policy loosened. */
    private static void account(List<String> expected) {
        try (IamClient iam = MotoClients.iam()) {
            iam.deleteAccountAlias(r -> r.accountAlias("driftdeck-fixture"));
            iam.createAccountAlias(r -> r.accountAlias("renamed-by-hand"));
            expected.addAll(List.of("MISSING aws_iam_account_alias.alias",
                    "UNMANAGED aws_iam_account_alias renamed-by-hand"));
            // UpdateAccountPasswordPolicy replaces the whole policy: the console sends every field again.
            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).requireLowercaseCharacters(true)
                    .requireNumbers(true).requireUppercaseCharacters(true).requireSymbols(true)
                    .allowUsersToChangePassword(true).maxPasswordAge(90).passwordReusePrevention(24));
            expected.add("CHANGED aws_iam_account_password_policy.policy minimum_password_length");
        }
    }

    private static void identities(CoverageFixture f, List<String> expected) {
        try (IamClient iam = MotoClients.iam()) {
            String oidc = f.id("aws_iam_openid_connect_provider.oidc[0]");
            iam.updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(oidc).thumbprintList(THUMBPRINT));
            // moto has no AddClientIDToOpenIDConnectProvider: a tag added by hand instead.
            iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(oidc).tags(t -> t.key("Team").value("by-hand")));
            expected.addAll(List.of("CHANGED aws_iam_openid_connect_provider.oidc[0] thumbprint_list",
                    "CHANGED aws_iam_openid_connect_provider.oidc[0] tags.Team"));
            iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(f.id("aws_iam_openid_connect_provider.oidc[1]")));
            expected.add("MISSING aws_iam_openid_connect_provider.oidc[1]");
            String byHand = iam.createOpenIDConnectProvider(r -> r.url("https://by-hand.example.com")
                    .clientIDList("sts.amazonaws.com").thumbprintList(THUMBPRINT)).openIDConnectProviderArn();
            expected.add("UNMANAGED aws_iam_openid_connect_provider " + byHand);

            iam.updateSSHPublicKey(r -> r.userName(USER).sshPublicKeyId(f.id("aws_iam_user_ssh_key.k[0]"))
                    .status(StatusType.INACTIVE));
            expected.add("CHANGED aws_iam_user_ssh_key.k[0] status");
            // Uploaded again by hand after deleting it: the same key body is a new key id.
            String body = f.attribute("aws_iam_user_ssh_key.k[1]", "public_key");
            iam.deleteSSHPublicKey(r -> r.userName(USER).sshPublicKeyId(f.id("aws_iam_user_ssh_key.k[1]")));
            expected.add("MISSING aws_iam_user_ssh_key.k[1]");
            String key = iam.uploadSSHPublicKey(r -> r.userName(USER).sshPublicKeyBody(body)).sshPublicKey()
                    .sshPublicKeyId();
            expected.add("UNMANAGED aws_iam_user_ssh_key " + key);
        }
    }

    private static void tablePolicies(CoverageFixture f, List<String> expected) {
        try (DynamoDbClient dynamo = MotoClients.of(DynamoDbClient.builder())) {
            String table0 = f.id("aws_dynamodb_resource_policy.p[0]");
            dynamo.putResourcePolicy(r -> r.resourceArn(table0).policy(document(table0, "dynamodb:*")));
            expected.add("CHANGED aws_dynamodb_resource_policy.p[0] policy");
            dynamo.deleteResourcePolicy(r -> r.resourceArn(f.id("aws_dynamodb_resource_policy.p[1]")));
            expected.add("MISSING aws_dynamodb_resource_policy.p[1]");
            // A policy set by hand on a managed table that no aws_dynamodb_resource_policy manages.
            String bare = f.attribute("aws_dynamodb_table.bare", "arn");
            dynamo.putResourcePolicy(r -> r.resourceArn(bare).policy(document(bare, "dynamodb:GetItem")));
            expected.add("UNMANAGED aws_dynamodb_resource_policy " + bare);
        }
    }

    private static void externalKeys(CoverageFixture f, List<String> expected) {
        try (KmsClient kms = MotoClients.of(KmsClient.builder())) {
            String key = f.id("aws_kms_external_key.e[0]");
            kms.updateKeyDescription(r -> r.keyId(key).description("changed by hand"));
            kms.disableKey(r -> r.keyId(key));
            expected.addAll(List.of("CHANGED aws_kms_external_key.e[0] description",
                    "CHANGED aws_kms_external_key.e[0] enabled"));
            kms.scheduleKeyDeletion(r -> r.keyId(f.id("aws_kms_external_key.e[1]")).pendingWindowInDays(7));
            expected.add("MISSING aws_kms_external_key.e[1]");
            // One external key made by hand: an unmanaged external key, not also an unmanaged aws_kms_key.
            String byHand = kms.createKey(r -> r.origin(OriginType.EXTERNAL).description("by hand")).keyMetadata().keyId();
            expected.add("UNMANAGED aws_kms_external_key " + byHand);
        }
    }

    private static String document(String table, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"" + action + "\",\"Resource\":\"" + table + "\"}]}";
    }
}
