package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.testing.AwsConfigFiles;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.SettingsForm;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → AWS access on the real services: the profile picker reads the user's AWS files, the region picker
 * fills the regions field, and "Test access" asks STS (moto here) or says exactly what stood in the way.
 */
@ExtendWith(ApplicationExtension.class)
class AwsAccessSettingsFxTest {

    @TempDir
    static Path temp;

    private AwsConfigFiles files;
    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @BeforeAll
    static void defaultChainFindsMotosKeys() {
        MotoClients.useFakeCredentialsForDefaultChain();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = java.nio.file.Files.createTempDirectory(temp, "aws");
        files = AwsConfigFiles.use(home, """
                [profile region-only]
                region = eu-west-1
                """, """
                [moto]
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);
        desktop = DesktopBootstrap.boot(new DataDirectory(home.resolve("data")), Clock.systemUTC(),
                ScanService.standard(Clock.systemUTC()), SchedulerOptions.defaults());
        // Saved long ago; the AWS files no longer define it.
        desktop.services().saveSettings(new SettingsForm(List.of(), List.of(), "gone", "", false, 15));
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
        files.close();
    }

    @Test
    void pickAProfileAndARegionThenTestAccessNamesTheAccount(FxRobot robot) throws Exception {
        ComboBox<String> profile = openSettings(robot);
        assertThat(profile.getValue()).isEqualTo("gone");
        assertThat(profile.getItems()).containsExactly("", "moto", "region-only", "gone");
        assertThat(profile.getConverter().toString("")).isEqualTo("Default credential chain");
        assertThat(profile.getConverter().toString("gone")).isEqualTo("gone (not in the AWS config files)");

        robot.clickOn(profile).clickOn("moto");
        MenuButton picker = robot.lookup("#settings-region-picker").queryAs(MenuButton.class);
        robot.clickOn(picker);
        await(() -> robot.lookup("#settings-region-us-east-1").tryQuery().isPresent());
        robot.clickOn("#settings-region-filter").write("us-east");
        robot.clickOn("#settings-region-us-east-1");
        robot.interact(picker::hide);
        assertThat(robot.lookup("#settings-regions").queryAs(TextField.class).getText()).isEqualTo("us-east-1");
        robot.clickOn("#settings-endpoint").write(MotoServer.shared().endpoint());

        robot.clickOn("#settings-test-access");

        await(() -> answer(robot).startsWith("Account "));
        assertThat(answer(robot)).matches("Account " + MotoClients.ACCOUNT + " as arn:aws:\\S+ \\(asked in us-east-1\\)\\.");

        robot.clickOn("#settings-save");
        await(() -> robot.lookup("#settings-save").tryQuery().isEmpty());
        SettingsForm saved = desktop.services().loadSettings();
        assertThat(saved.profile()).isEqualTo("moto");
        assertThat(saved.regions()).containsExactly("us-east-1");
    }

    @Test
    void testAccessSaysWhatStoodInTheWay(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#settings-regions").write("us-east-1");
        robot.clickOn("#settings-endpoint").write(MotoServer.shared().endpoint());

        robot.clickOn("#settings-test-access");
        await(() -> answer(robot).startsWith("No access."));
        assertThat(answer(robot)).isEqualTo("No access. AWS profile 'gone' is not defined in ~/.aws/config or"
                + " ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). Open Settings → AWS access"
                + " and pick a profile from the list, or leave it blank for the default credential chain.");

        robot.clickOn("#settings-profile").clickOn("region-only");
        assertThat(answer(robot)).as("a changed setting makes the last answer stale").doesNotStartWith("No access.");
        robot.clickOn("#settings-test-access");
        await(() -> answer(robot).startsWith("No access."));
        assertThat(answer(robot)).startsWith("No access. AWS profile 'region-only' has no credentials")
                .contains("aws configure --profile region-only");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        robot.clickOn("#settings-profile").clickOn("Default credential chain");
        TextField endpoint = robot.lookup("#settings-endpoint").queryAs(TextField.class);
        robot.interact(endpoint::clear);
        robot.clickOn(endpoint).write("http://127.0.0.1:" + closedPort);
        robot.clickOn("#settings-test-access");
        await(() -> answer(robot).startsWith("No access."));
        assertThat(answer(robot)).startsWith("No access. Unable to execute HTTP request: Connect to 127.0.0.1:" + closedPort)
                .endsWith("Check the Endpoint URL in Settings → AWS access (blank for AWS itself) and the network.");
        Label shown = robot.lookup("#settings-access-result").queryAs(Label.class);
        await(() -> shown.getHeight() >= shown.prefHeight(shown.getWidth()) - 0.5);
        assertThat(shown.getHeight()).as("the whole answer is on screen, its fix too, not cut off after two lines")
                .isGreaterThanOrEqualTo(shown.prefHeight(shown.getWidth()) - 0.5);
    }

    private static ComboBox<String> openSettings(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        await(() -> robot.lookup("#settings-profile").tryQuery().isPresent());
        ComboBox<String> profile = robot.lookup("#settings-profile").queryComboBox();
        await(() -> profile.getItems().size() > 2);
        return profile;
    }

    private static String answer(FxRobot robot) {
        return robot.lookup("#settings-access-result").queryAs(Label.class).getText();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
