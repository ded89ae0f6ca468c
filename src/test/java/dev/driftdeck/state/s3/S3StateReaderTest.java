package dev.driftdeck.state.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.driftdeck.state.LoadedState;
import dev.driftdeck.state.StateAccess;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.S3States;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 state sources against the real moto. A WireMock proxy sits in front of it where a test must count requests or
 * deny one object (moto does not enforce bucket policies for its root credentials).
 */
class S3StateReaderTest {

    private static final String ACCESS_DENIED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>r-1</RequestId></Error>";

    private WireMockServer proxy;
    private S3Clients clients;
    private StateLoader loader;

    @BeforeEach
    void setUp() {
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        S3States.bucket("tf-states");
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoServer.shared().endpoint())));
        clients = new S3Clients();
        TfStateParser parser = new TfStateParser();
        StateCache cache = new StateCache();
        loader = new StateLoader(parser, Path.of("."), new S3StateReader(parser, cache, clients::client), cache);
    }

    @AfterEach
    void tearDown() {
        clients.close();
        proxy.stop();
    }

    private List<LoadedState> load(String uri) {
        return loader.load(List.of(uri), new StateAccess(null, "us-east-1", proxy.baseUrl()));
    }

    @Test
    void aPrefixGivesEveryNonEmptyStateUnderItAndSkipsZeroByteObjects() {
        S3States.put("tf-states", "teams/network.tfstate", S3States.state(3, "l-net", "net"));
        S3States.put("tf-states", "teams/app/prod.tfstate", S3States.state(9, "l-app", "orders", "billing"));
        S3States.put("tf-states", "teams/data.tfstate", S3States.state(1, "l-data", "etl"));
        S3States.put("tf-states", "teams/placeholder.tfstate", "");
        S3States.put("tf-states", "teams/README.md", "not a state");
        S3States.put("tf-states", "other/elsewhere.tfstate", S3States.state(1, "l-x", "x"));

        List<LoadedState> loaded = load("s3://tf-states/teams/");

        assertThat(loaded).allSatisfy(l -> assertThat(l).isInstanceOf(LoadedState.Loaded.class));
        assertThat(loaded).extracting(LoadedState::uri).containsExactly(
                "s3://tf-states/teams/app/prod.tfstate", "s3://tf-states/teams/data.tfstate",
                "s3://tf-states/teams/network.tfstate");
        LoadedState.Loaded app = (LoadedState.Loaded) loaded.getFirst();
        assertThat(app.snapshot().serial()).isEqualTo(9);
        assertThat(app.snapshot().resources()).hasSize(2)
                .allSatisfy(r -> assertThat(r.sourceUri()).isEqualTo("s3://tf-states/teams/app/prod.tfstate"));
        assertThat(app.version().etag()).isNotBlank();
    }

    @Test
    void workspacesUnderEnvAndUnderACustomWorkspaceKeyPrefix() {
        S3States.put("tf-states", "app.tfstate", S3States.state(1, "l-default", "d"));
        S3States.put("tf-states", "env:/dev/app.tfstate", S3States.state(2, "l-dev", "dev"));
        S3States.put("tf-states", "env:/prod/app.tfstate", S3States.state(3, "l-prod", "prod"));
        S3States.put("tf-states", "env:/prod/other.tfstate", S3States.state(1, "l-other", "other"));
        S3States.put("tf-states", "workspaces/staging/app.tfstate", S3States.state(4, "l-staging", "staging"));

        assertThat(load("s3://tf-states/app.tfstate?workspaces=*"))
                .extracting(LoadedState::workspace, LoadedState::uri).containsExactly(
                        tuple("default", "s3://tf-states/app.tfstate"),
                        tuple("dev", "s3://tf-states/env:/dev/app.tfstate"),
                        tuple("prod", "s3://tf-states/env:/prod/app.tfstate"));
        assertThat(load("s3://tf-states/app.tfstate?workspaces=prod"))
                .extracting(LoadedState::workspace, l -> ((LoadedState.Loaded) l).snapshot().lineage())
                .containsExactly(tuple("prod", "l-prod"));
        assertThat(load("s3://tf-states/app.tfstate?workspaces=*&workspace_key_prefix=workspaces"))
                .extracting(LoadedState::workspace).containsExactly("default", "staging");
        assertThat(load("s3://tf-states/app.tfstate?workspaces=qa").getFirst())
                .isInstanceOfSatisfying(LoadedState.Failed.class, f -> assertThat(f.message()).contains(
                        "S3 state s3://tf-states/env:/qa/app.tfstate does not exist", "workspace"));
    }

    @Test
    void anUnchangedObjectCostsOne304AndAnUnchangedPrefixOnlyItsListing() {
        S3States.put("tf-states", "prod.tfstate", S3States.state(5, "l-prod", "orders"));
        S3States.put("tf-states", "teams/a.tfstate", S3States.state(1, "l-a", "a"));
        S3States.put("tf-states", "teams/b.tfstate", S3States.state(1, "l-b", "b"));
        load("s3://tf-states/prod.tfstate");
        load("s3://tf-states/teams/");
        proxy.resetRequests();

        LoadedState again = load("s3://tf-states/prod.tfstate").getFirst();

        assertThat(again).isInstanceOfSatisfying(LoadedState.Loaded.class, l -> {
            assertThat(l.unchanged()).isTrue();
            assertThat(l.snapshot().serial()).isEqualTo(5);
        });
        assertThat(proxy.getAllServeEvents()).singleElement().satisfies(event -> {
            assertThat(event.getRequest().getMethod().getName()).isEqualTo("GET");
            assertThat(event.getRequest().getHeader("If-None-Match")).isNotBlank();
            assertThat(event.getResponse().getStatus()).isEqualTo(304);
            assertThat(event.getResponse().getBody()).isNullOrEmpty();
        });

        proxy.resetRequests();
        assertThat(load("s3://tf-states/teams/")).hasSize(2)
                .allSatisfy(l -> assertThat(((LoadedState.Loaded) l).unchanged()).isTrue());
        assertThat(proxy.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).contains("list-type=2"));
    }

    @Test
    void anOverwrittenStateIsReadAgainWithItsNewSerial() {
        S3States.put("tf-states", "prod.tfstate", S3States.state(5, "l-prod", "orders"));
        load("s3://tf-states/prod.tfstate");
        S3States.put("tf-states", "prod.tfstate", S3States.state(6, "l-prod", "orders", "billing"));
        proxy.resetRequests();

        LoadedState.Loaded after = (LoadedState.Loaded) load("s3://tf-states/prod.tfstate").getFirst();

        assertThat(after.unchanged()).isFalse();
        assertThat(after.snapshot().serial()).isEqualTo(6);
        assertThat(after.snapshot().resources()).hasSize(2);
        assertThat(requests(e -> e.getResponse().getStatus() == 200)).isEqualTo(1);
    }

    @Test
    void aStateBucketInAnotherRegionIsReadWithTheSourcesOwnRegion() {
        try (S3Client euOperator = S3Client.builder().region(Region.EU_WEST_1).credentialsProvider(MotoClients.CREDENTIALS)
                .endpointOverride(java.net.URI.create(MotoServer.shared().endpoint())).forcePathStyle(true).build()) {
            euOperator.createBucket(r -> r.bucket("tooling-states")
                    .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        }
        S3States.put("tooling-states", "prod.tfstate", S3States.state(7, "l-eu", "orders"));

        // The scan itself runs in us-east-1; the state bucket lives in eu-west-1.
        LoadedState loaded = load("s3://tooling-states/prod.tfstate?region=eu-west-1").getFirst();

        assertThat(loaded).isInstanceOfSatisfying(LoadedState.Loaded.class,
                l -> assertThat(l.snapshot().serial()).isEqualTo(7));
        assertThat(proxy.getAllServeEvents()).allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .as("signed for the bucket's region").contains("/eu-west-1/s3/aws4_request"));
    }

    @Test
    void accessDeniedOnOneObjectFailsThatSourceOnlyNamingTheActionAndWhoToGrantItTo() {
        S3States.put("tf-states", "teams/a.tfstate", S3States.state(1, "l-a", "a"));
        S3States.put("tf-states", "teams/secret.tfstate", S3States.state(1, "l-s", "s"));
        S3States.put("tf-states", "teams/c.tfstate", S3States.state(1, "l-c", "c"));
        proxy.stubFor(get(urlPathEqualTo("/tf-states/teams/secret.tfstate")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody(ACCESS_DENIED)));

        List<LoadedState> loaded = load("s3://tf-states/teams/");

        assertThat(loaded).extracting(l -> l.getClass().getSimpleName(), LoadedState::uri).containsExactly(
                tuple("Loaded", "s3://tf-states/teams/a.tfstate"),
                tuple("Loaded", "s3://tf-states/teams/c.tfstate"),
                tuple("Failed", "s3://tf-states/teams/secret.tfstate"));
        assertThat(((LoadedState.Failed) loaded.get(2)).message()).isEqualTo(
                "S3 state s3://tf-states/teams/secret.tfstate: access denied (s3:GetObject). "
                        + "Grant it to the default credentials or remove the source.");
    }

    @Test
    void aMissingBucketOrKeyNamesItAndTheFix() {
        assertThat(load("s3://no-such-bucket/prod.tfstate").getFirst())
                .isInstanceOfSatisfying(LoadedState.Failed.class, f -> assertThat(f.message())
                        .startsWith("S3 state s3://no-such-bucket/prod.tfstate does not exist (NoSuchBucket)"));
        assertThat(load("s3://tf-states/nothing/").getFirst())
                .isInstanceOfSatisfying(LoadedState.Failed.class, f -> assertThat(f.message())
                        .contains("holds no non-empty *.tfstate object"));
        assertThat(load("s3://tf-states/x.tfstate?profile=does-not-exist-anywhere").getFirst())
                .isInstanceOfSatisfying(LoadedState.Failed.class, f -> assertThat(f.message())
                        .contains("s3://tf-states/x.tfstate", "profile 'does-not-exist-anywhere'"));
    }

    private long requests(Predicate<ServeEvent> which) {
        return proxy.getAllServeEvents().stream().filter(which).count();
    }
}
