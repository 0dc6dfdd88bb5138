package org.unaoc.trustfund.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: Basic auth as a demo user, JSON in and out. */
public final class Api {

    public static final String PASSWORD = "demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final JsonMapper json;

    public Api(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String text, JsonNode body) {
        public @Nullable String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    /** A POST with a fresh Idempotency-Key. */
    public Response post(String user, String path, Object body) {
        return post(user, path, body, UUID.randomUUID().toString());
    }

    public Response post(String user, String path, Object body, @Nullable String idempotencyKey) {
        String text = body instanceof String string ? string : json.writeValueAsString(body);
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    /**
     * The second half of a controlled operation (R19): {@code requested} was answered 202 with its
     * approval; {@code approver} approves it. Answers the result the approval posted.
     */
    public JsonNode approved(Response requested) {
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Response approved = post("approver", "/api/approvals/" + requested.body().get("approval").asString() + "/approval",
                java.util.Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.body().get("result");
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            JsonNode body = text.isBlank() || !(text.startsWith("{") || text.startsWith("[")) ? json.missingNode() : json.readTree(text);
            return new Response(response.statusCode(), response.headers(), text, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public byte[] getBytes(String user, String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + new String(response.body()));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(@Nullable String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
