package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.ApiTest;

/**
 * The connection dropped just after COMMIT: the server has booked the receipt, the client never
 * hears it. Retrying with the same Idempotency-Key gets the first answer; the receipt is there once.
 */
class DroppedConnectionTest extends ApiTest {

    @Test
    void a_retry_after_a_lost_answer_books_exactly_once() throws Exception {
        api().post("finance", "/api/contributors", java.util.Map.of("code", "AD", "name", "Andorra", "type", "GOVERNMENT"));
        AtomicBoolean dropNext = new AtomicBoolean(true);
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> accept(proxy, dropNext));
            String reference = "DROP-" + UUID.randomUUID();
            String key = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + proxy.getLocalPort() + "/api/receipts"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes()))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"contributor\":\"AD\",\"amount\":{\"amount\":\"77.00\","
                            + "\"currency\":\"USD\"},\"receivedOn\":\"2052-03-03\",\"bankAccount\":\"1010\",\"bankReference\":\""
                            + reference + "\"}")).build();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.RECEIPT,
                    org.unaoc.trustfund.db.Tables.RECEIPT.BANK_REFERENCE.eq(reference))).as("booked before the answer was lost").isEqualTo(1);

            HttpResponse<String> retry = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.RECEIPT,
                    org.unaoc.trustfund.db.Tables.RECEIPT.BANK_REFERENCE.eq(reference))).as("exactly once").isEqualTo(1);
            acceptor.interrupt();
        }
    }

    /** A proxy to the application; the first connection is cut as soon as the answer starts to come back. */
    private void accept(ServerSocket proxy, AtomicBoolean dropNext) {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), port);
                boolean drop = dropNext.getAndSet(false);
                Thread.ofVirtual().start(() -> pump(client, server, false));
                Thread.ofVirtual().start(() -> {
                    if (drop) {
                        try {
                            server.getInputStream().read();
                        } catch (IOException ignored) {
                            // the server answered or went away: either way the client never hears it
                        }
                        close(client, server);
                    } else {
                        pump(server, client, true);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, boolean closeAfter) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            if (closeAfter) {
                close(from, to);
            }
        }
    }

    private static void close(Socket a, Socket b) {
        try {
            a.close();
            b.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
