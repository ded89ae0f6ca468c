package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.cli.DriftdeckCommand;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.S3States;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to the CLI, in-process: each case asserts the exact words the operator reads and the exit code
 * (0 in sync, 1 drift, 2 error). A bad state source never stops the good one beside it from being scanned.
 */
@PrivateMoto
class CliBadInputTest {

    /** One IAM user, as Terraform records it; the test creates the same user in moto, so it is in sync. */
    static final String GOOD_STATE = """
            {"version": 4, "terraform_version": "1.11.4", "serial": 3, "lineage": "good-lineage", "outputs": {},
             "resources": [
              {"mode": "managed", "type": "aws_iam_user", "name": "alice",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "alice", "name": "alice", "path": "/",
                 "arn": "arn:aws:iam::123456789012:user/alice", "tags": {}, "tags_all": {}},
                 "sensitive_attributes": []}]}%s]}""";
    /** A type none of the collectors lists. */
    static final String GLUE_BLOCK = """
            ,{"mode": "managed", "type": "aws_glue_job", "name": "etl",
               "provider": "provider[\\"registry.terraform.io/hashicorp/aws\\"]",
               "instances": [{"schema_version": 0, "attributes": {"id": "etl", "name": "etl"},
                 "sensitive_attributes": []}]}""";

    @TempDir
    static Path work;

    private static MotoServer moto;
    private static Path good;

    @BeforeAll
    static void aliceInMoto() throws IOException {
        moto = MotoServer.current();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("alice").path("/"));
        }
        good = Files.writeString(work.resolve("good.tfstate"), GOOD_STATE.formatted(""));
    }

    @Test
    void nonsenseCommandIsAnErrorWithTheUsageHint() {
        Result result = cli("frobnicate");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: Unmatched argument at index 0: 'frobnicate'\n"
                + "Run 'driftdeck --help' for the options.\n");
    }

    @Test
    void unknownOptionIsAnErrorWithTheSubcommandsUsageHint() {
        Result result = cli("scan", "--state", good.toString(), "--bogus");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: Unknown option: '--bogus'\n"
                + "Run 'driftdeck scan --help' for the options.\n");
    }

    @Test
    void unknownOutputFormatNamesTheChoices() {
        Result result = cli("scan", "--state", good.toString(), "--output", "nonsense");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("driftdeck: Invalid value for option '--output': 'nonsense' is not a"
                + " report format; use one of [console, json, csv, html, import-tf, fix-plan]\n");
    }

    @Test
    void missingStateIsAnError() {
        Result result = cli("scan", "--region", "us-east-1");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: Missing required option: '--state=URI'\n"
                + "Run 'driftdeck scan --help' for the options.\n");
    }

    @Test
    void unknownRegionIsAnErrorNamingIt() {
        Result result = cli("scan", "--state", good.toString(), "--region", "mars-1", "--endpoint-url", moto.endpoint());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: 'mars-1' is not an AWS region name (like eu-west-1).\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.tfstate          | is not valid JSON: it ends before the JSON does, at line 2, column 1. Was it written completely? Run terraform state pull to get a current copy.
            empty.tfstate              | is empty: was it written completely? Run terraform state pull to get a current copy.
            binary.tfstate             | is not valid JSON: it holds binary data (a control character, code 31) at line 1, column 2. Is it compressed or encrypted? Point the source at the plain tfstate file.
            not-json.tfstate           | is not valid JSON: unexpected text 'terraform' at line 1, column 1. Is it a tfstate file? Terraform writes one with terraform state pull.
            version3.tfstate           | uses state format version 3 (written by Terraform 0.11.14); Driftdeck reads version 4 (Terraform >= 0.12). Upgrade it by running terraform 0.12 or later against it.
            encrypted-opentofu.tfstate | is encrypted (OpenTofu state encryption): Driftdeck reads plain state. Point the source at a decrypted copy (tofu state pull > file).
            """)
    void unusableStateIsAnErrorNamingTheFileWhileTheGoodSourceIsStillScanned(String file, String expected)
            throws Exception {
        Path bad = Files.copy(Path.of("src/test/resources/tfstate/edge", file), work.resolve(file),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Result result = scanJson(good.toString(), bad.toString());

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).anySatisfy(message ->
                assertThat(message).startsWith("State " + bad + " ").contains(expected));
        assertThat(json.at("/managed/0/address").asText()).isEqualTo("aws_iam_user.alice");
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
    }

    @Test
    void stateFileThatDoesNotExistIsAnErrorNamingIt() throws Exception {
        Path missing = work.resolve("nope.tfstate");

        Result result = scanJson(good.toString(), missing.toString());

        assertThat(result.code()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).contains(
                "State file " + missing + " does not exist: check the path or remove the source.");
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
    }

    @Test
    void directoryWithoutStatesIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-states-here"));

        Result result = scanJson(good.toString(), empty.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(alertMessages(new ObjectMapper().readTree(result.out()))).contains("State directory " + empty
                + " holds no *.tfstate file: point the source at the directory Terraform runs in, or at the file itself.");
    }

    @Test
    void unknownResourceTypeIsNotCheckedWithAnAlertAndLeavesTheExitCodeAlone() throws Exception {
        Path withGlue = Files.writeString(work.resolve("with-glue.tfstate"), GOOD_STATE.formatted(GLUE_BLOCK));

        Result result = scanJson(withGlue.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).contains(
                "1 aws_glue_job resource(s) in state were not checked: Driftdeck does not support aws_glue_job yet");
        assertThat(json.at("/summary/total_not_checked").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/total_missing").asInt()).isZero();
    }

    @Test
    void resourceInTwoStatesIsReportedOnceWithAManagedTwiceAlert() throws Exception {
        Path copy = Files.copy(good, Files.createDirectories(work.resolve("other")).resolve("copy.tfstate"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Result result = scanJson(good.toString(), copy.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).contains("aws_iam_user alice is managed twice: aws_iam_user.alice (" + good
                + ") and aws_iam_user.alice (" + copy + ")");
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
    }

    @Test
    void malformedIgnoreLineIsAnAlertNamingFileAndLineAndTheScanGoesOn() throws Exception {
        Path ignore = Files.writeString(work.resolve(".driftignore"), "# ours\naws_iam_user\naws_iam_user.bob\n");

        Result result = cli("scan", "--state", good.toString(), "--region", "us-east-1", "--endpoint-url",
                moto.endpoint(), "--output", "json", "--driftignore", ignore.toString());

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).contains(ignore
                + " line 2: expected TYPE.ID or TYPE.ID.ATTRIBUTE, got 'aws_iam_user'; the line is skipped");
        assertThat(json.at("/managed/0/address").asText()).isEqualTo("aws_iam_user.alice");
    }

    @Test
    void unknownProfileIsAnErrorNamingIt() {
        Result result = cli("scan", "--state", good.toString(), "--region", "us-east-1", "--endpoint-url",
                moto.endpoint(), "--profile", "no-such-profile-xyz");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: AWS profile 'no-such-profile-xyz' is not defined in"
                + " ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE): check the"
                + " name (aws configure list-profiles), or leave --profile out to use the default credential chain.\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unreachableEndpointChecksNothingAndInventsNoMissingResource() throws Exception {
        Result result = cli("scan", "--state", good.toString(), "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:1", "--output", "json");

        // Not one listing succeeded: that is an error, not "in sync" (docs/DECISIONS.md), with one line saying why.
        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().toList().getLast()).startsWith("No AWS listing succeeded (")
                .contains(" not checked in unknown/", "Connect to 127.0.0.1:1")
                .endsWith("then scan again.); nothing was checked.");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/summary/total_missing").asInt()).isZero();
        assertThat(json.at("/summary/total_not_checked").asInt()).isEqualTo(1);
        assertThat(json.at("/not_checked").findValuesAsText("reason"))
                .contains("no listing of aws_iam_user covered it in this scan");
        List<String> alerts = alertMessages(json);
        assertThat(alerts).hasSize(dev.driftdeck.aws.Collectors.all().size()).allSatisfy(message -> assertThat(message)
                .contains(" not checked in unknown/")
                .contains("Could not identify the AWS account with the default credentials (sts:GetCallerIdentity),"
                        + " so nothing was listed.")
                .contains("Connect to 127.0.0.1:1")
                .endsWith("Check the network, the region and --endpoint-url, then scan again."));
        assertThat(alerts).contains("aws_iam_user not checked in unknown/global: Could not identify the AWS account"
                + " with the default credentials (sts:GetCallerIdentity), so nothing was listed. Listing aws_iam_user in account unknown, region"
                + " global could not reach AWS (Unable to execute HTTP request: Connect to 127.0.0.1:1 [/127.0.0.1]"
                + " failed: Connection refused (SDK Attempt Count: 5)). Check the network, the region and"
                + " --endpoint-url, then scan again.");
    }

    @Test
    void aScanThatCheckedNothingIsNotRecordedInTheDatabase() throws Exception {
        Path db = work.resolve("nothing-checked-db").resolve("driftdeck");

        Result result = cli("scan", "--state", good.toString(), "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:1", "--output", "json", "--db", db.toString());

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("Not recorded in " + db.toAbsolutePath());
        // Like the scheduled job: the last scan that checked something stays the latest one.
        try (Database database = Database.open(db.toAbsolutePath())) {
            Migrations.migrateAndVerify(database);
            assertThat(new ScanRepository(database).latest()).isEmpty();
        }
    }

    @Test
    void expiredCredentialsNameTheCredentialsAndTheFixAndCheckNothing() throws Exception {
        WireMockServer proxy = proxyToMoto();
        try {
            proxy.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("Action=GetCallerIdentity"))
                    .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                            "<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security"
                                    + " token included in the request is expired</Message></Error>"
                                    + "<RequestId>r-1</RequestId></ErrorResponse>")));

            Result result = cli("scan", "--state", good.toString(), "--region", "us-east-1", "--endpoint-url",
                    proxy.baseUrl(), "--output", "json");

            assertThat(result.code()).as(result.err()).isEqualTo(2);
            // The first failed scope is whichever listing task finished first; its words are the same for all.
            assertThat(result.err().lines().toList().getLast()).startsWith("No AWS listing succeeded (aws_")
                    .contains(" not checked in unknown/", ": Could not identify the AWS account with the default"
                            + " credentials (sts:GetCallerIdentity), so nothing was listed. Listing aws_")
                    .endsWith(" failed: the credentials were rejected (ExpiredToken). Refresh them"
                            + " (aws sso login, new keys) or choose another profile.); nothing was checked.");
            JsonNode json = new ObjectMapper().readTree(result.out());
            assertThat(json.at("/summary/total_missing").asInt()).isZero();
            assertThat(json.at("/summary/total_not_checked").asInt()).isEqualTo(1);
        } finally {
            proxy.stop();
        }
    }

    @Test
    void s3SourceThatDoesNotExistIsAnErrorNamingItWhileTheGoodSourceIsStillScanned() throws Exception {
        Result result = scanJson(good.toString(), "s3://no-such-bucket/prod.tfstate");

        assertThat(result.code()).as(result.err()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(alertMessages(json)).anySatisfy(message -> assertThat(message)
                .startsWith("S3 state s3://no-such-bucket/prod.tfstate does not exist (NoSuchBucket)")
                .endsWith("check the bucket, key and workspace, or remove the source."));
        assertThat(json.at("/managed/0/address").asText()).isEqualTo("aws_iam_user.alice");
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
    }

    @Test
    void s3SourceDeniedNamesTheActionAndWhoToGrantItToWhileTheGoodSourceIsStillScanned() throws Exception {
        S3States.bucket("cli-denied");
        S3States.put("cli-denied", "prod.tfstate", GOOD_STATE.formatted(""));
        WireMockServer proxy = proxyToMoto();
        try {
            proxy.stubFor(get(urlPathEqualTo("/cli-denied/prod.tfstate")).atPriority(1).willReturn(aResponse()
                    .withStatus(403).withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\""
                            + " encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                            + "<RequestId>r-1</RequestId></Error>")));

            Result result = cli("scan", "--state", good.toString(), "--state", "s3://cli-denied/prod.tfstate",
                    "--region", "us-east-1", "--endpoint-url", proxy.baseUrl(), "--output", "json", "--driftignore",
                    MotoGaps.ignoreFile(work).toString());

            assertThat(result.code()).as(result.err()).isEqualTo(2);
            JsonNode json = new ObjectMapper().readTree(result.out());
            assertThat(alertMessages(json)).contains("S3 state s3://cli-denied/prod.tfstate: access denied"
                    + " (s3:GetObject). Grant it to the default credentials or remove the source.");
            assertThat(json.at("/managed/0/address").asText()).isEqualTo("aws_iam_user.alice");
            assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
        } finally {
            proxy.stop();
            deleteBucket("cli-denied");
        }
    }

    @Test
    void s3SourceInAnotherRegionIsReadWithItsOwnRegion() throws Exception {
        try (S3Client eu = S3Client.builder().region(Region.EU_WEST_1).credentialsProvider(MotoClients.CREDENTIALS)
                .endpointOverride(URI.create(moto.endpoint())).forcePathStyle(true).build()) {
            eu.createBucket(r -> r.bucket("cli-eu-states").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
        S3States.put("cli-eu-states", "prod.tfstate", GOOD_STATE.formatted(""));

        Result result;
        try {
            result = scanJson("s3://cli-eu-states/prod.tfstate?region=eu-west-1");
        } finally {
            deleteBucket("cli-eu-states");
        }

        // The state bucket itself is in no state: the one drift is that bucket, unmanaged.
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/unmanaged").findValuesAsText("id")).containsExactly("cli-eu-states");
        assertThat(json.at("/managed/0/address").asText()).isEqualTo("aws_iam_user.alice");
        assertThat(json.at("/managed/0/source/source").asText()).isEqualTo("tfstate+s3://cli-eu-states/prod.tfstate");
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(1);
    }

    private static void deleteBucket(String bucket) {
        try (S3Client s3 = MotoClients.s3()) {
            s3.listObjectsV2(r -> r.bucket(bucket)).contents().forEach(o -> s3.deleteObject(r -> r.bucket(bucket).key(o.key())));
            s3.deleteBucket(r -> r.bucket(bucket));
        }
    }

    private static WireMockServer proxyToMoto() {
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        return proxy;
    }

    @Test
    void exportOfAScanThatIsNotThereSaysSo() {
        Path db = work.resolve("export-db/driftdeck");

        Result result = cli("export", "--db", db.toString(), "--scan", "999", "--output", "json");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("No scan '999' in " + db + ".\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void exportOfANonNumericScanIdIsAnArgumentError() {
        Path db = work.resolve("export-abc/driftdeck");

        Result result = cli("export", "--db", db.toString(), "--scan", "abc", "--output", "json");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftdeck: --scan takes a scan id (a number) or 'latest', not 'abc'\n"
                + "Run 'driftdeck export --help' for the options.\n");
        assertThat(Path.of(db + ".mv.db")).as("a bad argument touches no database").doesNotExist();
    }

    private static List<String> alertMessages(JsonNode json) {
        List<String> messages = new ArrayList<>();
        json.path("alerts").forEach(perType -> perType.forEach(alert -> messages.add(alert.path("message").asText())));
        return messages;
    }

    /** A JSON scan of {@code states} against moto, leaving out the types moto cannot list (not these tests' subject). */
    private static Result scanJson(String... states) {
        List<String> args = new ArrayList<>(List.of("scan", "--region", "us-east-1", "--endpoint-url", moto.endpoint(),
                "--output", "json", "--driftignore", MotoGaps.ignoreFile(work).toString()));
        for (String state : states) {
            args.add("--state");
            args.add(state);
        }
        return cli(args.toArray(String[]::new));
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString().replaceAll("(?m)^\\[\\d+/\\d+].*\\R", ""));
    }

    record Result(int code, String out, String err) {
    }
}
