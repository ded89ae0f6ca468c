package dev.driftdeck.ui.settings;

import dev.driftdeck.ui.SettingsForm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsViewModelTest {

    private final SettingsViewModel model = new SettingsViewModel();

    @Test
    void defaultsAreValid() {
        model.load(SettingsForm.defaults());

        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.toForm()).isEqualTo(SettingsForm.defaults());
    }

    @Test
    void roundTripsAFilledForm() {
        SettingsForm form = new SettingsForm(List.of("states/**/*.tfstate", "s3://tf/prod.tfstate"), List.of("eu-west-1", "us-gov-west-1"),
                "ops", "http://localhost:5000", true, 30);

        model.load(form);

        assertThat(model.regionsProperty().get()).isEqualTo("eu-west-1, us-gov-west-1");
        assertThat(model.toForm()).isEqualTo(form);
    }

    @Test
    void regionsMaySeparateWithCommasOrSpaces() {
        model.regionsProperty().set(" eu-west-1,us-east-1   ap-southeast-2 ");

        assertThat(model.toForm().regions()).containsExactly("eu-west-1", "us-east-1", "ap-southeast-2");
    }

    @Test
    void theStateSourcesGoBackAsTheyWereLoaded() {
        model.load(new SettingsForm(List.of("a.tfstate", "s3://tf/prod.tfstate"), List.of(), "", "", false, 15));

        model.regionsProperty().set("eu-west-1");

        assertThat(model.toForm().stateUris()).containsExactly("a.tfstate", "s3://tf/prod.tfstate");
    }

    @Test
    void intervalMustBeAtLeastOneMinute() {
        model.intervalProperty().set("0");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.problems()).containsExactly("Scan interval must be at least 1 minute");

        model.intervalProperty().set("ten");
        assertThat(model.problems()).containsExactly("Scan interval must be a whole number of minutes");

        model.intervalProperty().set(" 1 ");
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.toForm().scanIntervalMinutes()).isEqualTo(1);
    }

    @Test
    void regionsMustLookLikeRegions() {
        model.regionsProperty().set("eu-west-1, Ireland, us-east");

        assertThat(model.problems()).containsExactly(
                "'Ireland' does not look like an AWS region (e.g. eu-west-1)",
                "'us-east' does not look like an AWS region (e.g. eu-west-1)");
        assertThatThrownBy(model::toForm).isInstanceOf(IllegalStateException.class).hasMessageContaining("Ireland");
    }

    @Test
    void endpointMustBeHttp() {
        model.endpointUrlProperty().set("localhost:5000");
        model.intervalProperty().set("0");

        assertThat(model.problems()).containsExactly(
                "Endpoint 'localhost:5000' must be an http:// or https:// URL",
                "Scan interval must be at least 1 minute");
        assertThat(model.problemTextProperty().get()).contains("\n");
    }

    @Test
    void knownRegionShapes() {
        assertThat(List.of("us-east-1", "eu-central-2", "ap-southeast-4", "us-gov-west-1", "cn-north-1", "us-isob-east-1", "il-central-1"))
                .allMatch(SettingsValidator::looksLikeRegion);
        assertThat(List.of("US-EAST-1", "useast1", "eu-west", "global", "")).noneMatch(SettingsValidator::looksLikeRegion);
    }
}
