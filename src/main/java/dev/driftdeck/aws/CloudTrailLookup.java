package dev.driftdeck.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.attribution.TrailAccessException;
import dev.driftdeck.attribution.TrailSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * CloudTrail Event history of one account: {@code LookupEvents} with one {@code ResourceName} attribute (the only
 * kind of filter it takes, one per call) and the time window, every page, at 2 calls per second per region
 * ({@link AwsSession#cloudTrailLookups}); throttling is retried by the session's adaptive retry.
 */
public final class CloudTrailLookup implements TrailSource {

    static final String ACTION = "cloudtrail:LookupEvents";
    private static final Logger log = LoggerFactory.getLogger(CloudTrailLookup.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 20 pages of 50 is 1,000 events on one resource: far more than anyone reads, and 10 s of the call budget. */
    private static final int MAX_PAGES = 20;

    private final AwsSession session;

    public CloudTrailLookup(AwsSession session) {
        this.session = session;
    }

    @Override
    public String describe() {
        return "CloudTrail Event history";
    }

    @Override
    public boolean callPerLookup() {
        return true;
    }

    @Override
    public List<JsonNode> records(String account, String region, String resourceName, Instant from, Instant to) {
        List<JsonNode> records = new ArrayList<>();
        String token = null;
        int pages = 0;
        try {
            do {
                String next = token;
                LookupEventsResponse page = session.cloudTrailLookups(region).lookupEvents(request -> request
                        .lookupAttributes(attribute -> attribute.attributeKey(LookupAttributeKey.RESOURCE_NAME)
                                .attributeValue(resourceName))
                        .startTime(from).endTime(to).maxResults(50).nextToken(next));
                for (Event event : page.events()) {
                    parse(event).ifPresent(records::add);
                }
                token = page.nextToken();
                pages++;
            } while (token != null && !token.isEmpty() && pages < MAX_PAGES);
        } catch (SdkException e) {
            TrailFailures.stopIfAsked(session, e);
            throw TrailFailures.of("Looking up who changed " + resourceName + " in CloudTrail Event history (account "
                    + account + ", region " + region + ")", e, ACTION);
        }
        return records;
    }

    private static Optional<JsonNode> parse(Event event) {
        if (event.cloudTrailEvent() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(event.cloudTrailEvent()));
        } catch (JsonProcessingException e) {
            log.warn("CloudTrail event {} ({}) is not JSON; skipped", event.eventId(), event.eventName());
            return Optional.empty();
        }
    }
}
