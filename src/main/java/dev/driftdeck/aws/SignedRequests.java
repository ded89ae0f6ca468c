package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Read-only calls to one AWS API in one region without its SDK module (see {@link RawApi}), built from the SDK's
 * own parts so they behave as an SDK client of the session does: SigV4 by the SDK's {@link AwsV4HttpSigner} with the
 * session's credentials, the session's endpoint override and shared HTTP client, the SDK's adaptive retry strategy
 * (throttling and 5xx backoff, same attempts), the session's stop check, rate limit and call counter. Failures are
 * the SDK's exception types ({@link AwsServiceException} with the AWS error code, {@link SdkClientException},
 * {@link ApiCallTimeoutException}), so {@code ListingFailures} classifies them as it does an SDK client's.
 *
 * <p>Only Describe, List and Get operations are sent, and REST paths only as GET: anything else is refused before
 * the network, so a collector cannot change an account through this client by mistake.
 */
final class SignedRequests implements SdkAutoCloseable {

    private static final Pattern READ_ONLY = Pattern.compile("(Describe|List|Get)[A-Z]\\w*");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USER_AGENT = "driftdeck (signed-requests)";

    private final RawApi api;
    private final String region;
    private final URI endpoint;
    private final boolean overridden;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final RetryStrategy retries;
    private final Duration apiCallTimeout;
    private final ApiCallCounter counter;
    private final StopCheck stopCheck;
    private final RateLimiter rateLimiter;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpointOverride the session's override (moto), or null for the API's regional AWS endpoint
     */
    SignedRequests(RawApi api, String region, URI endpointOverride, AwsCredentialsProvider credentials,
                   SdkHttpClient http, RetryStrategy retries, Duration apiCallTimeout, ApiCallCounter counter,
                   StopCheck stopCheck, RateLimiter rateLimiter) {
        this.api = api;
        this.region = region;
        this.overridden = endpointOverride != null;
        this.endpoint = endpointOverride != null ? endpointOverride
                : URI.create("https://" + ServiceMetadata.of(api.endpointPrefix()).endpointFor(Region.of(region)));
        this.credentials = credentials;
        this.http = http;
        this.retries = retries;
        this.apiCallTimeout = apiCallTimeout;
        this.counter = counter;
        this.stopCheck = stopCheck;
        this.rateLimiter = rateLimiter;
    }

    /** A query-protocol call: {@code Action=operation&Version=...&params}; the response's {@code <operationResult>}. */
    JsonNode query(String operation, Map<String, String> params) {
        return query(operation, params, Set.of());
    }

    /** As {@link #query(String, Map)}, for APIs naming list items after their shape (see {@link QueryXml}). */
    JsonNode query(String operation, Map<String, String> params, Set<String> listItems) {
        requireProtocol(RawApi.Protocol.QUERY);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", operation);
        form.put("Version", api.apiVersion());
        form.putAll(params);
        byte[] body = encode(form).getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = request(SdkHttpMethod.POST, "/", Map.of())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        JsonNode root = QueryXml.parse(execute(operation, request, body), listItems);
        return root.path(operation + "Result");
    }

    /** A JSON 1.1 call: {@code X-Amz-Target: prefix.operation} with {@code body}; the response's JSON. */
    JsonNode json(String operation, ObjectNode body) {
        requireProtocol(RawApi.Protocol.JSON_11);
        SdkHttpRequest request = request(SdkHttpMethod.POST, "/", Map.of())
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", api.apiVersion() + "." + operation).build();
        return readJson(execute(operation, request, body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A REST-JSON GET of {@code path} (already encoded) with {@code query}; the response's JSON. */
    JsonNode get(String operation, String path, Map<String, String> query) {
        requireProtocol(RawApi.Protocol.REST_JSON);
        return readJson(execute(operation, request(SdkHttpMethod.GET, path, query).build(), null));
    }

    /**
     * A REST-XML GET of {@code path} (already encoded) for {@code account}, as S3 Control takes it: the account in the
     * {@code x-amz-account-id} header and, on AWS's own endpoint, as the host's first label
     * ({@code 123456789012.s3-control.us-east-1.amazonaws.com}); an overridden endpoint (moto) is called as it is.
     * The response's root element as JSON (see {@link QueryXml}).
     */
    JsonNode getXml(String operation, String path, String account) {
        requireProtocol(RawApi.Protocol.REST_XML);
        SdkHttpRequest.Builder request = request(SdkHttpMethod.GET, path, Map.of()).putHeader("x-amz-account-id", account);
        if (!overridden) {
            request.host(account + "." + endpoint.getHost());
        }
        return QueryXml.parse(execute(operation, request.build(), null));
    }

    /** An empty JSON 1.1 request body to fill. */
    static ObjectNode body() {
        return MAPPER.createObjectNode();
    }

    /**
     * Every page of a listing: {@code call} is given the token to send (null first) and answers the page; the next
     * token is read from the page's {@code nextTokenField} until it is absent or empty.
     */
    static List<JsonNode> pages(java.util.function.Function<String, JsonNode> call, String nextTokenField) {
        List<JsonNode> pages = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = call.apply(token);
            pages.add(page);
            token = RawShapes.text(page, nextTokenField); // JSON APIs may send "NextToken": null on the last page
        } while (token != null);
        return pages;
    }

    /** The elements of array {@code field} in every page, in order. */
    static List<JsonNode> items(List<JsonNode> pages, String field) {
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(page -> page.path(field).forEach(items::add));
        return items;
    }

    private boolean rest() {
        return api.protocol() == RawApi.Protocol.REST_JSON || api.protocol() == RawApi.Protocol.REST_XML;
    }

    private void requireProtocol(RawApi.Protocol protocol) {
        if (api.protocol() != protocol) {
            throw new IllegalArgumentException(api.iamPrefix() + " speaks " + api.protocol() + ", not " + protocol);
        }
    }

    private SdkHttpRequest.Builder request(SdkHttpMethod method, String path, Map<String, String> query) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(method).uri(endpoint)
                .encodedPath(SdkHttpUtils.appendUri(endpoint.getRawPath(), path))
                .putHeader("User-Agent", USER_AGENT);
        query.forEach(builder::putRawQueryParameter);
        return builder;
    }

    /** One operation: stop check, count, then attempts under the SDK's retry strategy until success or give-up. */
    private byte[] execute(String operation, SdkHttpRequest request, byte[] body) {
        if (!READ_ONLY.matcher(operation).matches() || request.method() != SdkHttpMethod.POST
                && request.method() != SdkHttpMethod.GET
                || rest() && request.method() != SdkHttpMethod.GET) {
            throw new IllegalArgumentException(api.iamPrefix() + ":" + operation + " is not a read-only call; "
                    + "Driftdeck only describes, lists and gets.");
        }
        stopCheck.refuseIfStopped(api.iamPrefix(), operation);
        counter.called(api.iamPrefix(), operation);
        long deadline = System.nanoTime() + apiCallTimeout.toNanos();
        try {
            var initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create(api.iamPrefix() + "/" + region));
            RetryToken token = initial.token();
            sleep(initial.delay());
            while (true) {
                try {
                    byte[] response = attempt(operation, request, body, deadline);
                    retries.recordSuccess(RecordSuccessRequest.create(token));
                    return response;
                } catch (ApiCallTimeoutException | AbortedException e) {
                    throw e;
                } catch (SdkException e) {
                    try {
                        var refreshed = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token)
                                .failure(e).build());
                        token = refreshed.token();
                        sleep(refreshed.delay());
                    } catch (TokenAcquisitionFailedException noMoreAttempts) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            counter.failed(api.iamPrefix(), operation);
            throw e;
        }
    }

    /** One HTTP attempt, signed afresh (credentials may have been refreshed); aborted at the call's deadline. */
    private byte[] attempt(String operation, SdkHttpRequest request, byte[] body, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw ApiCallTimeoutException.create(apiCallTimeout.toMillis());
        }
        rateLimiter.awaitSlot(api.iamPrefix() + "/" + region);
        SdkHttpRequest sized = body == null ? request
                : request.toBuilder().putHeader("Content-Length", Integer.toString(body.length)).build();
        ContentStreamProvider payload = body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body);
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = signer.sign(r -> r.request(sized).payload(payload).identity(identity)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, api.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build());
        CompletableFuture<Void> timer = CompletableFuture.runAsync(call::abort,
                CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS));
        try {
            HttpExecuteResponse response = call.call();
            byte[] content = read(response);
            SdkHttpResponse head = response.httpResponse();
            if (head.isSuccessful()) {
                return content;
            }
            throw error(operation, head, content);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw ApiCallTimeoutException.create(apiCallTimeout.toMillis());
            }
            throw SdkClientException.create("Unable to execute HTTP request to " + endpoint.getHost() + " ("
                    + api.iamPrefix() + ":" + operation + "): " + e.getMessage(), e);
        } finally {
            timer.cancel(false);
        }
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }

    /** The AWS error of a failed response, read as the SDK's protocol unmarshallers read it. */
    private AwsServiceException error(String operation, SdkHttpResponse head, byte[] content) {
        String code = null;
        String message = null;
        String requestId = head.firstMatchingHeader("x-amzn-RequestId")
                .or(() -> head.firstMatchingHeader("x-amz-request-id")).orElse(null);
        try {
            if (api.protocol() == RawApi.Protocol.QUERY || api.protocol() == RawApi.Protocol.REST_XML) {
                // Query: <ErrorResponse><Error>... or <Response><Errors><Error>...; REST-XML: the root is <Error>.
                JsonNode root = content.length == 0 ? null : QueryXml.parse(content);
                JsonNode error = root == null ? null : root.has("Error") ? root.path("Error")
                        : root.has("Errors") ? root.path("Errors").path("Error") : root;
                code = error == null ? null : text(error.path("Code"));
                message = error == null ? null : text(error.path("Message"));
                if (requestId == null && root != null) {
                    requestId = text(root.path("RequestId"));
                }
            } else {
                JsonNode root = content.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(content);
                code = head.firstMatchingHeader("x-amzn-ErrorType").map(SignedRequests::shapeName)
                        .orElseGet(() -> shapeName(firstText(root, "__type", "code", "Code", "ErrorCode")));
                message = firstText(root, "message", "Message", "errorMessage");
            }
        } catch (IOException | RuntimeException unreadable) {
            message = "unreadable error response (" + unreadable.getMessage() + ")";
        }
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                        .errorMessage(message != null ? message : api.iamPrefix() + ":" + operation + " answered HTTP "
                                + head.statusCode())
                        .serviceName(api.iamPrefix()).sdkHttpResponse(head).build())
                .statusCode(head.statusCode()).requestId(requestId).build();
    }

    /** {@code aws.protocoltests#ThrottlingException:http://...} and {@code ThrottlingException} are one code. */
    private static String shapeName(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String name = type.contains("#") ? type.substring(type.indexOf('#') + 1) : type;
        return name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node.path(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static JsonNode readJson(byte[] content) {
        try {
            return content.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException("The response is not JSON: " + e.getMessage(), e);
        }
    }

    private static String encode(Map<String, String> form) {
        StringBuilder encoded = new StringBuilder();
        form.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&").append(SdkHttpUtils.urlEncode(name))
                .append('=').append(SdkHttpUtils.urlEncode(value)));
        return encoded.toString();
    }

    private static void sleep(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("Interrupted while waiting to retry", e);
        }
    }

    /** The endpoint requests go to: the override, or the API's regional AWS endpoint. */
    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        retries.close();
    }

    /** For a caller that builds a form with list members: {@code Prefix.member.N=value}, N from 1. */
    static void members(Map<String, String> form, String prefix, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            form.put(prefix + ".member." + (i + 1), values.get(i));
        }
    }
}
