package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * Who can sign in by other means than a password: OpenID Connect identity providers (one account-wide listing, one
 * GetOpenIDConnectProvider per managed provider) and users' SSH public keys (ListSSHPublicKeys, one call per user a
 * state manages, as for access keys: the account has no listing of keys). A key uploaded by hand to a managed user
 * is UNMANAGED; a key of an unmanaged user is that user's business.
 */
final class IamIdentityCollectors {

    static final String OIDC_PROVIDER = "aws_iam_openid_connect_provider";
    static final String SSH_KEY = "aws_iam_user_ssh_key";

    private IamIdentityCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the ARN, which holds the URL: another URL is another provider.
                CollectorDefinition.global(OIDC_PROVIDER).actions("iam:ListOpenIDConnectProviders",
                                "iam:GetOpenIDConnectProvider")
                        .compare("client_id_list", SET).compare("thumbprint_list", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "url")
                        .importId(ImportIds.SAME_AS_ID).listedBy(IamIdentityCollectors::oidcProviders),
                // The id is the key's id (APKA...). The key itself cannot change (another key is another id) and
                // encoding only chooses how the API returns it.
                CollectorDefinition.global(SSH_KEY).actions("iam:GetAccountAuthorizationDetails", "iam:ListSSHPublicKeys")
                        .compare("status", CASE_INSENSITIVE).compare("username", STRING)
                        .notCompared("cannot change: another key body is another key id", "public_key")
                        .notCompared("only the format GetSSHPublicKey answers the key in", "encoding")
                        .importId(ImportIds.computed("USERNAME:SSHKEYID:ENCODING", ImportIdsOf::sshKey)).listedBy(IamIdentityCollectors::sshKeys));
    }

    private static List<LiveResource> oidcProviders(CollectorContext ctx) {
        List<LiveResource> providers = new ArrayList<>();
        // Not paginated: the API answers every provider of the account (at most 100) at once.
        for (var listed : ctx.iam().listOpenIDConnectProviders().openIDConnectProviderList()) {
            String arn = listed.arn();
            if (!ctx.manages(OIDC_PROVIDER, arn)) {
                providers.add(ctx.identityOnly(OIDC_PROVIDER, arn));
                continue;
            }
            try {
                var provider = ctx.iam().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
                providers.add(ctx.resource(OIDC_PROVIDER, arn, Attributes.of()
                        .put("url", provider.url())
                        .put("client_id_list", List.copyOf(provider.clientIDList()))
                        .put("thumbprint_list", List.copyOf(provider.thumbprintList()))
                        .put("tags", Tags.toMap(provider.tags(), Tag::key, Tag::value))
                        .build()));
            } catch (NoSuchEntityException deletedMeanwhile) {
                // gone between the listing and this call
            }
        }
        return providers;
    }

    private static List<LiveResource> sshKeys(CollectorContext ctx) {
        List<LiveResource> keys = new ArrayList<>();
        var users = IamCredentialCollectors.existing(ctx, IamCredentialCollectors.users(ctx, SSH_KEY, "username"));
        for (String user : users) {
            try {
                ctx.iam().listSSHPublicKeysPaginator(r -> r.userName(user).maxItems(1000)).sshPublicKeys().forEach(key ->
                        keys.add(ctx.resource(SSH_KEY, key.sshPublicKeyId(), Attributes.of()
                                .put("username", key.userName())
                                .put("status", key.statusAsString())
                                .build())));
            } catch (NoSuchEntityException deletedMeanwhile) {
                // the user went between the listing and this call: no keys
            }
        }
        return keys;
    }
}
