package org.unaoc.trustfund.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code make chaos}: the application as its own process over a PostgreSQL of its own.
 * 1. kill -9 of the application during a 10,000-entry bank statement import, restart, import
 *    again: every entry exactly once, the books balanced.
 * 2. PostgreSQL stopped for 10 s under a posting load: 503 problems, never a 500; readiness DOWN
 *    and UP again by itself; no receipt whose 201 was sent is missing.
 * Exits non-zero on the first broken promise.
 */
public final class Chaos {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes());

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("chaos-pg");
        int pgPort = freePort();
        EmbeddedPostgres postgres = start(data, pgPort);
        String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        String jar = args[0];
        int port = freePort();
        Process app = launch(jar, url, port);
        try {
            killDuringImport(jar, url, port, app);
            postgres = databaseOutage(data, pgPort, postgres, url, port);
            System.out.println("\nchaos: 2 passed, 0 failed");
        } finally {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("--server.port=" + port))
                    .forEach(ProcessHandle::destroyForcibly);
            postgres.close();
        }
    }

    private static void killDuringImport(String jar, String url, int port, Process first) throws Exception {
        int credits = 10_000;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                + "<BkToCstmrStmt><Stmt><Id>CHAOS-1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>USD</Ccy></Acct>"
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>"
                + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">" + credits + ".00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>");
        for (int i = 0; i < credits; i++) {
            xml.append("<Ntry><Amt Ccy=\"USD\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2030-04-")
                    .append(String.format("%02d", 1 + i % 28)).append("</Dt></BookgDt><AcctSvcrRef>K").append(i)
                    .append("</AcctSvcrRef></Ntry>");
        }
        xml.append("</Stmt></BkToCstmrStmt></Document>");
        Thread importing = Thread.ofVirtual().start(() -> {
            try {
                send(port, "POST", "/api/bank-statements", xml.toString(), "application/xml", UUID.randomUUID().toString());
            } catch (Exception expected) {
                // the process is killed under it
            }
        });
        Thread.sleep(700);
        first.destroyForcibly().waitFor();
        importing.join();
        System.out.println("chaos: application killed (-9) during the import");
        launch(jar, url, port);
        HttpResponse<String> again = send(port, "POST", "/api/bank-statements", xml.toString(), "application/xml",
                UUID.randomUUID().toString());
        check(again.statusCode() == 200 || again.statusCode() == 201, "the import after the restart answered " + again.statusCode());
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            long receipts = count(db, "SELECT count(*) FROM receipt WHERE bank_reference LIKE 'K%'");
            long distinct = count(db, "SELECT count(DISTINCT bank_reference) FROM receipt WHERE bank_reference LIKE 'K%'");
            check(receipts == credits && distinct == credits, "receipts after the restart: " + receipts + " (" + distinct + " distinct)");
            check(count(db, "SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id HAVING sum(amount_usd) <> 0) x") == 0,
                    "an entry does not balance");
            check(count(db, "SELECT count(*) FROM account WHERE balance_usd <> (SELECT coalesce(sum(amount_usd), 0) FROM journal_line "
                    + "WHERE account_id = account.id)") == 0, "an account balance differs from its lines");
        }
        System.out.println("chaos: kill -9 during import — every entry exactly once, books balanced: passed");
    }

    private static EmbeddedPostgres databaseOutage(Path data, int pgPort, EmbeddedPostgres postgres, String url, int port)
            throws Exception {
        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    String reference = "OUT-" + UUID.randomUUID();
                    try {
                        HttpResponse<String> answer = send(port, "POST", "/api/receipts", "{\"contributor\":\"CH\",\"amount\":{\"amount\":\"1.00\","
                                + "\"currency\":\"USD\"},\"receivedOn\":\"2030-05-02\",\"bankAccount\":\"1010\",\"bankReference\":\""
                                + reference + "\"}", "application/json", UUID.randomUUID().toString());
                        if (answer.statusCode() == 201) {
                            created.add(reference);
                        } else if (answer.statusCode() == 503) {
                            unavailable.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                            System.out.println("chaos: unexpected " + answer.statusCode() + " " + answer.body());
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(2000);
        postgres.close();
        System.out.println("chaos: PostgreSQL stopped");
        Thread.sleep(4000);
        int readinessDown = send(port, "GET", "/actuator/health/readiness", null, null, null).statusCode();
        Thread.sleep(6000);
        EmbeddedPostgres restarted = start(data, pgPort);
        System.out.println("chaos: PostgreSQL started again");
        int readinessUp = 0;
        for (int i = 0; i < 30 && readinessUp != 200; i++) {
            Thread.sleep(1000);
            readinessUp = send(port, "GET", "/actuator/health/readiness", null, null, null).statusCode();
        }
        Thread.sleep(2000);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        check(readinessDown == 503, "readiness during the outage answered " + readinessDown);
        check(readinessUp == 200, "readiness did not come back");
        check(unavailable.get() > 0, "no request was answered 503 during the outage");
        check(failures.get() == 0, failures.get() + " requests were answered with something else than 201 or 503");
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            for (String reference : created) {
                check(count(db, "SELECT count(*) FROM receipt WHERE bank_reference = '" + reference + "'") == 1,
                        "receipt " + reference + " answered 201 but is missing");
            }
        }
        System.out.println("chaos: PostgreSQL stopped 10 s — " + created.size() + " receipts answered 201, all present; "
                + unavailable.get() + " answered 503; readiness DOWN then UP: passed");
        return restarted;
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    private static Process launch(String jar, String url, int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
                "--server.port=" + port, "--trustfund.database.url=" + url, "--trustfund.database.user=postgres",
                "--trustfund.database.password=postgres", "--trustfund.demo=1", "--trustfund.demo-data=false",
                "--logging.level.root=WARN").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/chaos-app.log").toFile())).start();
        for (int i = 0; i < 120; i++) {
            try {
                if (send(port, "GET", "/actuator/health", null, null, null).statusCode() == 200) {
                    send(port, "POST", "/api/contributors", "{\"code\":\"CH\",\"name\":\"Switzerland\",\"type\":\"GOVERNMENT\"}",
                            "application/json", "chaos-contributor");
                    return process;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start");
    }

    private static HttpResponse<String> send(int port, String method, String path, String body, String type, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", AUTH);
        if (body != null) {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection db, String sql) throws Exception {
        ResultSet rs = db.createStatement().executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    private static void check(boolean promise, String broken) {
        if (!promise) {
            System.out.println("\nchaos: FAILED — " + broken + "\nchaos: 0 passed, 1 failed");
            System.exit(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
