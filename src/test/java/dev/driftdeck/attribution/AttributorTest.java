package dev.driftdeck.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.schedule.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window, PENDING and the cache across scans, over a trail source that holds records in memory and writes down
 * each window it is asked for (Event history's real calls are in CloudTrailLookupWireMockTest).
 */
class AttributorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final List<JsonNode> trail = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final TrailSource source = new TrailSource() {
        @Override
        public String describe() {
            return "test trail";
        }

        @Override
        public boolean callPerLookup() {
            return true;
        }

        @Override
        public List<JsonNode> records(String account, String region, String name, Instant from, Instant to) {
            asked.add(name + " " + from + ".." + to);
            return trail.stream().filter(r -> TrailRecords.mentions(r, name)).filter(r -> {
                Instant time = TrailRecords.time(r);
                return !time.isBefore(from) && !time.isAfter(to);
            }).toList();
        }
    };

    @Test
    void aNewDriftWithNothingYetIsPendingAndTheNextScanAsksOnlyForWhatWasNotSettled() throws Exception {
        MutableClock clock = new MutableClock(T0);
        Attributor attributor = new Attributor(clock);
        AttributionTarget group = new AttributionTarget("aws_security_group", "sg-1", "123456789012", "us-east-1",
                T0.minus(Duration.ofMinutes(15)), T0);

        assertThat(attributor.attribute(List.of(group), source).changedBy().getFirst().status())
                .isEqualTo(AttributionStatus.PENDING);

        // CloudTrail delivers alice's call of 09:50 late; the next scan, 20 minutes on, finds it
        trail.add(JSON.readTree("""
                {"eventID":"e-1","eventName":"AuthorizeSecurityGroupIngress","eventTime":"2026-12-06T09:50:00Z",
                 "readOnly":false,"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice",
                 "userName":"alice"},"userAgent":"console.ec2.amazonaws.com","requestParameters":{"groupId":"sg-1"}}
                """));
        clock.set(T0.plus(Duration.ofMinutes(20)));
        ChangedBy found = attributor.attribute(List.of(group), source).changedBy().getFirst();

        assertThat(found.status()).isEqualTo(AttributionStatus.FOUND);
        assertThat(found.events()).extracting(ChangeEvent::name).containsExactly("alice");
        assertThat(asked).containsExactly(
                "sg-1 2026-12-06T09:45:00Z..2026-12-06T10:00:00Z",
                "sg-1 2026-12-06T09:45:00Z..2026-12-06T10:20:00Z");

        // a third scan asks only after what was settled (older than the delivery delay) and keeps alice
        clock.set(T0.plus(Duration.ofMinutes(60)));
        assertThat(attributor.attribute(List.of(group), source).changedBy().getFirst().events())
                .extracting(ChangeEvent::name).containsExactly("alice");
        assertThat(asked.getLast()).isEqualTo("sg-1 2026-12-06T10:05:00Z..2026-12-06T11:00:00Z");
    }

    @Test
    void anOldDriftWithNothingFoundIsNoneAndAnUnknownStartLooksBack90Days() {
        MutableClock clock = new MutableClock(T0);
        Attributor attributor = new Attributor(clock);

        ChangedBy old = attributor.attribute(List.of(new AttributionTarget("aws_instance", "i-1", "123456789012",
                "us-east-1", T0.minus(Duration.ofDays(2)), T0.minus(Duration.ofDays(1)))), source).changedBy().getFirst();
        ChangedBy unknown = attributor.attribute(List.of(new AttributionTarget("aws_instance", "i-2", "123456789012",
                "us-east-1", null, null)), source).changedBy().getFirst();
        ChangedBy unsupported = attributor.attribute(List.of(new AttributionTarget("aws_db_instance", "db-X",
                "123456789012", "us-east-1", null, null)), source).changedBy().getFirst();

        assertThat(old.status()).isEqualTo(AttributionStatus.NONE);
        assertThat(unknown.status()).isEqualTo(AttributionStatus.NONE);
        assertThat(unknown.detail()).contains("in the last 90 days");
        assertThat(asked.getLast()).isEqualTo("i-2 2026-09-07T10:00:00Z..2026-12-06T10:00:00Z");
        assertThat(unsupported.status()).isEqualTo(AttributionStatus.NOT_SUPPORTED);
        assertThat(asked).hasSize(2);
    }
}
