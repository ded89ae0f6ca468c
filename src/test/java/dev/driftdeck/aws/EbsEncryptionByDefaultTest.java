package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code aws_ebs_encryption_by_default} is one setting per region, but provider 5 writes a generated id and no region
 * to the state: a managed one is matched in the scan's home region, and elsewhere the setting is known by its region,
 * AWS's default (off) being noise unless strict. Against moto: encryption turned on by hand in us-west-2 only.
 */
class EbsEncryptionByDefaultTest {

    private static final String WEST = "us-west-2";
    private static final String STATE_ID = "terraform-20261206152741897200000002";

    @BeforeEach
    void turnedOnByHandInTheWestOnly() {
        MotoServer.shared().reset();
        try (Ec2Client west = Ec2Client.builder().region(Region.US_WEST_2).credentialsProvider(MotoClients.CREDENTIALS)
                .endpointOverride(URI.create(MotoServer.shared().endpoint())).build()) {
            west.enableEbsEncryptionByDefault(r -> { });
        }
    }

    @Test
    void onInARegionNoStateManagesIsListedByTheRegionOffIsAwsDefault() {
        assertThat(list(WEST, false, ManagedState.NONE)).extracting(LiveResource::id, r -> r.attributes().get("enabled"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WEST, true));
        assertThat(list(MotoAws.REGION, false, ManagedState.NONE)).isEmpty();
        assertThat(list(MotoAws.REGION, true, ManagedState.NONE)).extracting(LiveResource::id)
                .containsExactly(MotoAws.REGION);
    }

    @Test
    void aManagedSettingIsTheHomeRegionsUnderItsStateId() {
        ManagedState managed = new ManagedState(Map.of(EbsCollectors.ENCRYPTION_BY_DEFAULT, Map.of(STATE_ID, Map.of())));

        assertThat(list(MotoAws.REGION, false, managed)).extracting(LiveResource::id, r -> r.attributes().get("enabled"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(STATE_ID, false));
        assertThat(list(WEST, false, managed)).extracting(LiveResource::id).containsExactly(WEST);
    }

    private static List<LiveResource> list(String region, boolean strict, ManagedState managed) {
        Collector collector = Collectors.forType(EbsCollectors.ENCRYPTION_BY_DEFAULT).orElseThrow();
        try (AwsSession session = MotoAws.session()) {
            return collector.list(new CollectorContext(session, MotoAws.ACCOUNT, region, strict, managed));
        }
    }
}
