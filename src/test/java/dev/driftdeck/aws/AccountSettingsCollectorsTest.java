package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoRequests;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The account's singletons against moto with no state: AWS's default (none) lists nothing, one made by hand is
 * listed (so a scan reports it UNMANAGED), and an account public access block with every setting off behaves as none
 * and is listed only with strict. The block is read over S3 Control's REST-XML by SignedRequests.
 */
class AccountSettingsCollectorsTest {

    private static final String BLOCK = "aws_s3_account_public_access_block";

    @BeforeEach
    void emptyAccount() {
        MotoServer.shared().reset();
    }

    @Test
    void anAccountWithAwsDefaultsListsNoSingleton() {
        for (String type : List.of(BLOCK, "aws_iam_account_alias", "aws_iam_account_password_policy")) {
            assertThat(MotoAws.list(Collectors.forType(type).orElseThrow(), true)).as(type).isEmpty();
        }
    }

    @Test
    void singletonsMadeByHandAreListedUnderTheProvidersIds() {
        putBlock(true, false);
        try (IamClient iam = MotoAws.operatorIam()) {
            iam.createAccountAlias(r -> r.accountAlias("by-hand"));
            iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12).requireSymbols(true));
        }

        LiveResource block = only(BLOCK, false);
        assertThat(block.id()).isEqualTo(MotoAws.ACCOUNT);
        assertThat(block.attributes()).containsEntry("block_public_acls", true).containsEntry("ignore_public_acls", false)
                .containsEntry("block_public_policy", false).containsEntry("restrict_public_buckets", true);
        assertThat(only("aws_iam_account_alias", false).id()).isEqualTo("by-hand");
        LiveResource policy = only("aws_iam_account_password_policy", false);
        assertThat(policy.id()).isEqualTo("iam-account-password-policy");
        // Unset in the console: the provider's zero values.
        assertThat(policy.attributes()).containsEntry("minimum_password_length", 12).containsEntry("require_symbols", true)
                .containsEntry("max_password_age", 0).containsEntry("password_reuse_prevention", 0)
                .containsEntry("hard_expiry", false);
    }

    @Test
    void anAccountBlockWithEverySettingOffIsListedOnlyWhenStrictOrManaged() {
        putBlock(false, false);
        Collector collector = Collectors.forType(BLOCK).orElseThrow();

        assertThat(MotoAws.list(collector, false)).isEmpty();
        assertThat(MotoAws.list(collector, true)).extracting(LiveResource::id).containsExactly(MotoAws.ACCOUNT);
        ManagedState managed = new ManagedState(Map.of(BLOCK, Map.of(MotoAws.ACCOUNT, Map.of())));
        assertThat(MotoAws.list(collector, false, managed)).extracting(LiveResource::id).containsExactly(MotoAws.ACCOUNT);
    }

    private static LiveResource only(String type, boolean strict) {
        List<LiveResource> listed = MotoAws.list(Collectors.forType(type).orElseThrow(), strict);
        assertThat(listed).as(type).hasSize(1);
        return listed.getFirst();
    }

    /** PutPublicAccessBlock as the S3 Control API reference shows it (no SDK module for S3 Control here). */
    private static void putBlock(boolean on, boolean allOn) {
        MotoRequests.restXml("PUT", "s3", "/v20180820/configuration/publicAccessBlock",
                Map.of("x-amz-account-id", MotoAws.ACCOUNT),
                "<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                        + "<BlockPublicAcls>" + on + "</BlockPublicAcls><IgnorePublicAcls>" + allOn
                        + "</IgnorePublicAcls><BlockPublicPolicy>" + allOn + "</BlockPublicPolicy>"
                        + "<RestrictPublicBuckets>" + on + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>");
    }
}
