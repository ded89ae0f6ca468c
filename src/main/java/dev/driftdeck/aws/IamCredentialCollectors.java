package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.state.AccessKeyIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import dev.driftdeck.remediation.ImportIds;

/**
 * A user's credentials: access keys and the console password (login profile). Neither is in the account-wide
 * listing: ListAccessKeys and GetLoginProfile cost one call per user, spent on the users a state manages (as the
 * user or through one of these types). A credential of an unmanaged user is that user's business; one added by
 * hand to a managed user is UNMANAGED. No secret is read: AWS never returns one after creation, and the state's
 * are masked at parse time.
 */
final class IamCredentialCollectors {

    static final String ACCESS_KEY = "aws_iam_access_key";
    static final String LOGIN_PROFILE = "aws_iam_user_login_profile";
    private static final String DETAILS = "iam:GetAccountAuthorizationDetails";

    private IamCredentialCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The id is the access key id, redacted as the state parser redacts it (AccessKeyIds): the full id
                // is never kept, shown or stored. secret, ses_smtp_password_v4 and their encrypted forms exist only
                // in the create response; pgp_key and key_fingerprint are inputs to that; create_date cannot change.
                CollectorDefinition.global(ACCESS_KEY).actions(DETAILS, "iam:ListAccessKeys")
                        .compare("user", STRING).compare("status", CASE_INSENSITIVE)
                        .notCompared(NotCompared.CREATE_ONLY, "pgp_key")
                        .importId(ImportIds.notImportable("Terraform imports it by the access key id, which Driftdeck never stores whole (it redacts it): take the id from aws iam list-access-keys; the secret is never imported")).listedBy(IamCredentialCollectors::accessKeys),
                // Presence only: password_reset_required flips to false when the user first sets a password (AWS's
                // doing, not drift), and password_length and pgp_key only shape the password made at creation.
                CollectorDefinition.global(LOGIN_PROFILE).actions(DETAILS, "iam:GetLoginProfile")
                        .notCompared(NotCompared.IDENTITY, "user")
                        .notCompared(NotCompared.CREATE_ONLY, "password_length", "pgp_key")
                        .notCompared("flips to false when the user first sets a password: AWS's doing, not drift",
                                "password_reset_required")
                        .importId(ImportIds.SAME_AS_ID).listedBy(IamCredentialCollectors::loginProfiles));
    }

    /** The users worth a call: managed as aws_iam_user, or named by a managed credential of {@code type}. */
    private static Set<String> users(CollectorContext ctx, String type) {
        return users(ctx, type, "user");
    }

    /** As {@link #users(CollectorContext, String)}, where {@code type} names its user in {@code userAttribute}. */
    static Set<String> users(CollectorContext ctx, String type, String userAttribute) {
        Set<String> users = new TreeSet<>(ctx.managed().ids(IamCollectors.USER));
        ctx.managed().resources(type).values().forEach(credential -> {
            if (credential.get(userAttribute) instanceof String user) {
                users.add(user);
            }
        });
        return users;
    }

    private static List<LiveResource> accessKeys(CollectorContext ctx) {
        List<LiveResource> keys = new ArrayList<>();
        for (String user : existing(ctx, users(ctx, ACCESS_KEY))) {
            try {
                ctx.iam().listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata().forEach(key ->
                        keys.add(ctx.resource(ACCESS_KEY, AccessKeyIds.redact(key.accessKeyId()), Attributes.of()
                                .put("user", key.userName())
                                .put("status", key.statusAsString())
                                .build())));
            } catch (NoSuchEntityException deletedMeanwhile) {
                // the user went between the listing and this call: no keys
            }
        }
        return keys;
    }

    private static List<LiveResource> loginProfiles(CollectorContext ctx) {
        List<LiveResource> profiles = new ArrayList<>();
        for (String user : existing(ctx, users(ctx, LOGIN_PROFILE))) {
            try {
                var profile = ctx.iam().getLoginProfile(r -> r.userName(user)).loginProfile();
                profiles.add(ctx.resource(LOGIN_PROFILE, profile.userName(), Attributes.of()
                        .put("user", profile.userName())
                        .build()));
            } catch (NoSuchEntityException noConsolePassword) {
                // no login profile (or no user any more)
            }
        }
        return profiles;
    }

    /** Of these users, the ones the account's listing still has: a deleted user costs no call. */
    static List<String> existing(CollectorContext ctx, Set<String> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        return ctx.session().iamAuthorization().users().stream()
                .map(user -> user.userName()).filter(users::contains).toList();
    }
}
