package dev.driftdeck.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.ui.SettingsForm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsAccessViewModelTest {

    private final SettingsViewModel settings = new SettingsViewModel();
    private final AwsAccessViewModel access = new AwsAccessViewModel(settings);

    @Test
    void theDefaultChainComesFirstAndASavedProfileTheFilesLackStaysListed() {
        settings.load(new SettingsForm(List.of(), List.of(), "gone", "", false, 15));

        access.showProfiles(List.of("dev", "prod"));

        assertThat(access.profiles()).containsExactly("", "dev", "prod", "gone");
        assertThat(access.label("")).isEqualTo("Default credential chain");
        assertThat(access.label("gone")).isEqualTo("gone (not in the AWS config files)");
        assertThat(access.label("dev")).isEqualTo("dev");
        assertThat(settings.profileProperty().get()).isEqualTo("gone");
    }

    @Test
    void ticksAddAndRemoveRegionsAndKeepWhatWasTyped() {
        access.showRegions(Map.of("eu-west-1", "Europe (Ireland)", "us-east-1", "US East (N. Virginia)"));
        settings.regionsProperty().set("ap-southeast-2 eu-west-1");

        access.chooseRegion("us-east-1", true);
        assertThat(settings.regionsProperty().get()).isEqualTo("ap-southeast-2, eu-west-1, us-east-1");
        access.chooseRegion("eu-west-1", false);

        assertThat(settings.toForm().regions()).containsExactly("ap-southeast-2", "us-east-1");
        assertThat(access.regionChosen("us-east-1")).isTrue();
        assertThat(access.regionChosen("eu-west-1")).isFalse();
    }

    @Test
    void theAnswerNamesTheAccountOrTheReasonAndGoesStaleWhenASettingChanges() {
        access.show(new AccessCheck.Result.Identified("123456789012", "arn:aws:iam::123456789012:user/ops", "eu-west-1"));
        assertThat(access.accessProperty().get()).isEqualTo(AwsAccessViewModel.Access.OK);
        assertThat(access.accessTextProperty().get())
                .isEqualTo("Account 123456789012 as arn:aws:iam::123456789012:user/ops (asked in eu-west-1).");

        settings.endpointUrlProperty().set("http://localhost:5000");
        assertThat(access.accessProperty().get()).isEqualTo(AwsAccessViewModel.Access.NOT_TESTED);

        settings.profileProperty().set("org-sso");
        access.show(new AccessCheck.Result.Failed("software.amazon.awssdk.core.exception.SdkClientException: Unable to"
                + " load SSO token"));
        assertThat(access.accessProperty().get()).isEqualTo(AwsAccessViewModel.Access.FAILED);
        assertThat(access.accessTextProperty().get()).isEqualTo("No access. The AWS SSO login of profile 'org-sso' has"
                + " expired or never happened. Run aws sso login --profile org-sso, then try again.");
    }
}
