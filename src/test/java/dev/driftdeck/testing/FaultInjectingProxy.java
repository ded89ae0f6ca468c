package dev.driftdeck.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock between Driftdeck and moto that spoils a seeded share of the requests, each with one of four faults:
 * an HTTP 500/503, a throttling error in the calling service's own protocol shape, a connection reset, or a
 * stall (the real moto answer, held back). Everything else is proxied to moto unchanged.
 *
 * <p>The draw is a seeded {@link Random}; the scan lists scopes in parallel, so which request gets which fault
 * varies with thread timing, but the rate and the mix are reproducible.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    public enum Kind { SERVER_ERROR, THROTTLED, CONNECTION_RESET, STALL }

    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");

    private final WireMockServer server;
    private final Injector injector;

    private FaultInjectingProxy(String upstream, int stallMillis) {
        injector = new Injector(stallMillis);
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(64).asynchronousResponseEnabled(true).asynchronousResponseThreads(32)
                .extensions(injector));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(upstream)));
    }

    /** A proxy to {@code upstream} injecting nothing until {@link #inject(long, double)}. */
    public static FaultInjectingProxy start(String upstream, int stallMillis) {
        return new FaultInjectingProxy(upstream, stallMillis);
    }

    /** From now on, spoil {@code rate} of the requests, drawn from a Random seeded with {@code seed}; counters reset. */
    public void inject(long seed, double rate) {
        injector.reset(new Random(seed), rate);
    }

    public String endpoint() {
        return server.baseUrl();
    }

    public int requests() {
        return injector.requests.get();
    }

    public Map<Kind, Integer> injected() {
        Map<Kind, Integer> copy = new EnumMap<>(Kind.class);
        injector.counts.forEach((kind, count) -> copy.put(kind, count.get()));
        return copy;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Injector implements ResponseDefinitionTransformerV2 {
        private final int stallMillis;
        private final AtomicInteger requests = new AtomicInteger();
        private final Map<Kind, AtomicInteger> counts = new EnumMap<>(Kind.class);
        private volatile Random random = new Random(0);
        private volatile double rate;

        Injector(int stallMillis) {
            this.stallMillis = stallMillis;
            for (Kind kind : Kind.values()) {
                counts.put(kind, new AtomicInteger());
            }
        }

        void reset(Random random, double rate) {
            this.random = random;
            this.rate = rate;
            requests.set(0);
            counts.values().forEach(count -> count.set(0));
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            ResponseDefinition proxied = serveEvent.getResponseDefinition();
            requests.incrementAndGet();
            Random draw = random;
            double roll;
            int pick;
            synchronized (draw) {
                roll = draw.nextDouble();
                pick = draw.nextInt(Kind.values().length * 2);
            }
            if (roll >= rate) {
                return proxied;
            }
            Kind kind = Kind.values()[pick / 2];
            counts.get(kind).incrementAndGet();
            Request request = serveEvent.getRequest();
            return switch (kind) {
                case SERVER_ERROR -> shaped(request, pick % 2 == 0 ? 500 : 503,
                        pick % 2 == 0 ? "InternalFailure" : "ServiceUnavailable", "We encountered an internal error.");
                case THROTTLED -> throttled(request);
                case CONNECTION_RESET -> ResponseDefinitionBuilder.like(proxied).withFault(Fault.CONNECTION_RESET_BY_PEER).build();
                case STALL -> ResponseDefinitionBuilder.like(proxied).withFixedDelay(stallMillis).build();
            };
        }

        private static ResponseDefinition throttled(Request request) {
            return switch (service(request)) {
                case "ec2" -> shaped(request, 503, "RequestLimitExceeded", "Request limit exceeded.");
                case "s3" -> shaped(request, 503, "SlowDown", "Please reduce your request rate.");
                default -> isQuery(request)
                        ? shaped(request, 400, "Throttling", "Rate exceeded")
                        : shaped(request, 400, "ThrottlingException", "Rate exceeded");
            };
        }

        /** An AWS error in the protocol the calling service speaks: EC2 query, other query, S3 XML, or JSON. */
        private static ResponseDefinition shaped(Request request, int status, String code, String message) {
            String service = service(request);
            ResponseDefinitionBuilder response = aResponse().withStatus(status).withHeader("x-amzn-RequestId", "fault-1");
            if (service.equals("ec2")) {
                return response.withHeader("Content-Type", "text/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                        + "</Errors><RequestID>fault-1</RequestID></Response>").build();
            }
            if (service.equals("s3")) {
                return response.withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>fault-1</RequestId></Error>")
                        .build();
            }
            if (isQuery(request)) {
                return response.withHeader("Content-Type", "text/xml").withBody("<ErrorResponse><Error><Type>"
                        + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>fault-1</RequestId></ErrorResponse>").build();
            }
            String json = "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}";
            return response.withHeader("Content-Type", "application/x-amz-json-1.1").withHeader("x-amzn-ErrorType", code)
                    .withBody(json).build();
        }

        private static boolean isQuery(Request request) {
            String type = request.getHeader("Content-Type");
            return type != null && type.startsWith("application/x-www-form-urlencoded");
        }

        private static String service(Request request) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null) {
                Matcher matcher = SCOPE.matcher(authorization);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            return "unknown";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "driftdeck-fault-injector";
        }
    }
}
