package org.unaoc.trustfund.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unaoc.trustfund.TrustFundLedgerApplication;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.TrialBalances;
import org.unaoc.trustfund.projections.FinancingSection;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.statements.StatementRequest;
import org.unaoc.trustfund.statements.Statements;
import org.unaoc.trustfund.system.EmbeddedDatabase;

/**
 * {@code make bench}: the product against raw PostgreSQL on the same machine, in one run. Posting
 * (HTTP, in-process, pgbench running the posting's own statements) at 1, 4 and 16 clients; a bulk
 * bank statement import against a raw insert of the same rows; statements as the books grow to
 * 100k, 1M and 10M lines against a plain SUM … GROUP BY; the financing section; start time and
 * memory. Writes target/bench/bench.json and bench.md and prints the table.
 */
public final class Bench {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("finance:demo".getBytes());
    private static final Map<String, Object> results = new LinkedHashMap<>();
    private static final List<String> table = new ArrayList<>();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/bench"));
        EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
        String url = database(server, "bench");
        try (Connection owner = owner(url); Statement sql = owner.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "server_version", "shared_buffers")) {
                ResultSet rs = sql.executeQuery("SHOW " + setting);
                rs.next();
                results.put("postgres." + setting, rs.getString(1));
            }
        }
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap, " + System.getProperty("os.name"));
        long started = System.nanoTime();
        ConfigurableApplicationContext app = start(url);
        results.put("start.firstSeconds", seconds(started));
        app.close();
        started = System.nanoTime();
        app = start(url);
        results.put("start.existingDatabaseSeconds", seconds(started));
        row("Start to healthy on an existing database", results.get("start.existingDatabaseSeconds") + " s", "", "");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        http(port, "POST", "/api/contributors", "{\"code\":\"BN\",\"name\":\"Brunei\",\"type\":\"GOVERNMENT\"}", "bench-contributor");

        for (int clients : new int[] {1, 4, 16}) {
            Measured overHttp = measure(clients, () -> {
                String body = "{\"contributor\":\"BN\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"receivedOn\":\"2030-01-15\","
                        + "\"bankAccount\":\"1010\",\"bankReference\":\"" + UUID.randomUUID() + "\"}";
                http(port, "POST", "/api/receipts", body, UUID.randomUUID().toString());
            });
            Journal journal = app.getBean(Journal.class);
            Measured inProcess = measure(clients, () -> journal.post(NewEntry.of(LocalDate.of(2030, 1, 16), EntryType.RECEIPT,
                    "bench receipt", "bench", NewLine.debit("1010", new java.math.BigDecimal("1.00")),
                    NewLine.credit("4100", new java.math.BigDecimal("1.00")))));
            Measured raw = pgbench(server, clients, out);
            results.put("posting." + clients + ".http", overHttp.map());
            results.put("posting." + clients + ".inProcess", inProcess.map());
            results.put("posting." + clients + ".pgbench", raw.map());
            results.put("posting." + clients + ".ratioHttp", ratio(overHttp.perSecond(), raw.perSecond()));
            results.put("posting." + clients + ".ratioInProcess", ratio(inProcess.perSecond(), raw.perSecond()));
            row("Posting, " + clients + " client(s): HTTP / in-process / pgbench (entries/s)",
                    String.format("%.0f / %.0f / %.0f", overHttp.perSecond(), inProcess.perSecond(), raw.perSecond()),
                    "ratio " + ratio(overHttp.perSecond(), raw.perSecond()) + " / " + ratio(inProcess.perSecond(), raw.perSecond()),
                    "p50/p99 ms HTTP " + overHttp.p50() + "/" + overHttp.p99() + ", pgbench " + raw.p50() + "/" + raw.p99());
        }
        if ("posting".equals(System.getProperty("bench.only"))) {
            memory();
            app.close();
            write(out);
            return;
        }
        bulkImport(port, url);
        statements(app, url);
        long financing = System.nanoTime();
        FinancingSection section = app.getBean(FinancingSection.class);
        section.write(LocalDate.of(2035, 12, 31));
        byte[] pdf = httpBytes(port, "/api/reports/financing-section?asOf=2035-12-31&format=pdf");
        results.put("financingSection.pdfSeconds", seconds(financing));
        row("Financing section PDF at 10M lines", results.get("financingSection.pdfSeconds") + " s", pdf.length + " bytes", "");
        memory();
        app.close();
        write(out);
    }

    private record Measured(long count, double perSecond, double p50, double p99) {
        Map<String, Object> map() {
            return Map.of("entriesPerSecond", Math.round(perSecond), "p50ms", p50, "p99ms", p99, "entries", count);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Measured measure(int clients, Work work) throws Exception {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Future<List<Long>>> futures = new ArrayList<>();
        long begun = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < deadline) {
                        long t = System.nanoTime();
                        work.run();
                        latencies.add(System.nanoTime() - t);
                    }
                    return latencies;
                }));
            }
        }
        double elapsed = (System.nanoTime() - begun) / 1e9;
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        return summary(all, elapsed);
    }

    private static Measured summary(List<Long> nanos, double elapsed) {
        Collections.sort(nanos);
        double p50 = nanos.isEmpty() ? 0 : nanos.get(nanos.size() / 2) / 1e6;
        double p99 = nanos.isEmpty() ? 0 : nanos.get(Math.min(nanos.size() - 1, (int) (nanos.size() * 0.99))) / 1e6;
        return new Measured(nanos.size(), nanos.size() / elapsed, round(p50), round(p99));
    }

    /** pgbench running the posting's statements: entry, lock of the two accounts, both lines, commit. */
    private static Measured pgbench(EmbeddedDatabase server, int clients, Path out) throws Exception {
        Path script = out.resolve("posting.sql");
        Files.writeString(script, """
                BEGIN;
                SELECT status FROM fiscal_period WHERE id = 203001;
                INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) VALUES ('2030-01-17', 203001, 'RECEIPT', 'pgbench receipt', 'pgbench') RETURNING id AS entry \\gset
                SELECT id, version FROM account WHERE id IN (1010, 4100) ORDER BY id FOR NO KEY UPDATE;
                INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) VALUES (:entry, 1, 1010, '2030-01-17', 203001, 1.00, (SELECT version + 1 FROM account WHERE id = 1010)), (:entry, 2, 4100, '2030-01-17', 203001, -1.00, (SELECT version + 1 FROM account WHERE id = 4100));
                COMMIT;
                """);
        Path logs = Files.createDirectories(out.resolve("pgbench-" + clients));
        Process process = new ProcessBuilder("/usr/lib/postgresql/15/bin/pgbench", "-n", "-h", "localhost", "-p",
                String.valueOf(server.port()), "-U", EmbeddedDatabase.OWNER, "-c", String.valueOf(clients), "-j",
                String.valueOf(clients), "-T", String.valueOf(SECONDS), "-f", script.toAbsolutePath().toString(), "-l",
                "--log-prefix=" + logs.resolve("log").toAbsolutePath(), "bench")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        List<Long> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                for (String line : Files.readAllLines(log)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]) * 1000);
                }
            }
        }
        return summary(latencies, SECONDS);
    }

    private static void bulkImport(int port, String url) throws Exception {
        int credits = Integer.getInteger("bench.importCredits", 100_000);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
                + "<BkToCstmrStmt><Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>USD</Ccy></Acct>"
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>"
                + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">" + credits + ".00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Bal>");
        for (int i = 0; i < credits; i++) {
            xml.append("<Ntry><Amt Ccy=\"USD\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2030-02-")
                    .append(String.format("%02d", 1 + i % 28)).append("</Dt></BookgDt><AcctSvcrRef>B").append(i)
                    .append("</AcctSvcrRef></Ntry>");
        }
        xml.append("</Stmt></BkToCstmrStmt></Document>");
        long started = System.nanoTime();
        String answer = http(port, "POST", "/api/bank-statements", xml.toString(), "bench-import", "application/xml");
        double api = seconds(started);
        if (!answer.contains("\"receiptsCreated\":" + credits)) {
            throw new IllegalStateException("import answered " + answer.substring(0, Math.min(500, answer.length())));
        }
        started = System.nanoTime();
        try (Connection owner = owner(url); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("SELECT id FROM account WHERE id IN (1010, 2190) ORDER BY id FOR NO KEY UPDATE");
            sql.execute("CREATE TEMP TABLE raw_entries AS WITH e AS (INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) "
                    + "SELECT DATE '2030-03-01' + (g % 28), 203003, 'RECEIPT', 'raw ' || g, 'bench' FROM generate_series(1, " + credits
                    + ") g RETURNING id, entry_date) SELECT id, entry_date FROM e");
            sql.execute("INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) "
                    + "SELECT e.id, v.n, v.account, e.entry_date, 203003, v.amount, a.version + row_number() OVER (PARTITION BY v.account ORDER BY e.id) "
                    + "FROM raw_entries e CROSS JOIN (VALUES (1, 1010, 1.00), (2, 2190, -1.00)) v(n, account, amount) JOIN account a ON a.id = v.account");
            owner.commit();
        }
        double raw = seconds(started);
        results.put("import.credits", credits);
        results.put("import.apiSeconds", api);
        results.put("import.apiEntriesPerSecond", Math.round(credits / api));
        results.put("import.rawSeconds", raw);
        results.put("import.ratio", ratio(credits / api, credits / raw));
        row("Bank statement of " + credits + " credits: API / raw insert (entries/s)",
                Math.round(credits / api) + " / " + Math.round(credits / raw), "ratio " + ratio(credits / api, credits / raw), "");
    }

    /** The books grow to 100k, 1M and 10M lines (a SQL batch loader); statements timed at each size. */
    private static void statements(ConfigurableApplicationContext app, String url) throws Exception {
        TrialBalances trialBalances = app.getBean(TrialBalances.class);
        Statements statements = app.getBean(Statements.class);
        Viewer auditor = new Viewer("bench", java.util.Set.of(Role.AUDITOR), null);
        Map<String, Double> first = new LinkedHashMap<>();
        for (long size : new long[] {100_000, 1_000_000, 10_000_000}) {
            load(url, size);
            Map<String, Double> times = new LinkedHashMap<>();
            times.put("trial-balance", median(() -> trialBalances.of(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31))));
            times.put("financial-position", median(() -> statements.table("financial-position",
                    new StatementRequest(LocalDate.of(2035, 1, 1), LocalDate.of(2035, 12, 31), auditor))));
            times.put("funding-status", median(() -> statements.table("funding-status",
                    new StatementRequest(LocalDate.of(2033, 1, 1), LocalDate.of(2033, 12, 31), auditor))));
            times.put("raw SUM GROUP BY", median(() -> {
                try (Connection owner = owner(url); Statement sql = owner.createStatement()) {
                    sql.executeQuery("SELECT account_id, sum(amount_usd) FROM journal_line GROUP BY account_id").close();
                }
            }));
            for (var time : times.entrySet()) {
                results.put("statements." + size + "." + time.getKey() + "Ms", time.getValue());
                first.putIfAbsent(time.getKey(), time.getValue());
            }
            row("Statements at " + (size / 1000) + "k lines (ms, median of 5)", String.format("TB %.1f, position %.1f, funding %.1f",
                    times.get("trial-balance"), times.get("financial-position"), times.get("funding-status")),
                    String.format("raw GROUP BY %.1f", times.get("raw SUM GROUP BY")),
                    size == 10_000_000 ? String.format("10M/100k: TB %.2f", times.get("trial-balance") / first.get("trial-balance")) : "");
        }
    }

    /** Adds balanced two-line entries over 2031–2035 up to {@code lines} lines, then brings the balances up to date. */
    private static void load(String url, long lines) throws Exception {
        try (Connection owner = owner(url); Statement sql = owner.createStatement()) {
            ResultSet rs = sql.executeQuery("SELECT count(*) FROM journal_line");
            rs.next();
            long missing = (lines - rs.getLong(1)) / 2;
            long batch = 500_000;
            for (long done = 0; done < missing; done += batch) {
                long n = Math.min(batch, missing - done);
                owner.setAutoCommit(false);
                sql.execute("SET LOCAL session_replication_role = replica");
                sql.execute("CREATE TEMP TABLE loaded ON COMMIT DROP AS WITH e AS (INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) "
                        + "SELECT d, extract(year FROM d)::int * 100 + extract(month FROM d)::int, 'RECEIPT', 'loaded', 'loader' "
                        + "FROM (SELECT DATE '2031-01-01' + (g % 1826)::int AS d FROM generate_series(1, " + n + ") g) x RETURNING id, entry_date, period_id) SELECT * FROM e");
                sql.execute("INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) "
                        + "SELECT l.id, v.n, v.account, l.entry_date, l.period_id, v.amount, a.version + row_number() OVER (PARTITION BY v.account ORDER BY l.id) "
                        + "FROM loaded l CROSS JOIN LATERAL (VALUES (1, (ARRAY[1010, 5100, 5200, 5500, 1210])[1 + (l.id % 5)], 10.00 + (l.id % 1000)), "
                        + "(2, (ARRAY[4100, 1010, 2150, 2190])[1 + (l.id % 4)], -(10.00 + (l.id % 1000)))) v(n, account, amount) "
                        + "JOIN account a ON a.id = v.account");
                sql.execute("UPDATE account a SET version = v.last FROM (SELECT account_id, max(account_version) AS last FROM journal_line "
                        + "GROUP BY account_id) v WHERE v.account_id = a.id");
                owner.commit();
            }
            owner.setAutoCommit(false);
            sql.execute("SET LOCAL session_replication_role = replica");
            sql.execute("DELETE FROM account_period_balance");
            sql.execute("INSERT INTO account_period_balance (account_id, period_id, currency, debit_usd, credit_usd, net_original, line_count) "
                    + "SELECT account_id, period_id, coalesce(currency, 'USD'), sum(greatest(amount_usd, 0)), sum(greatest(-amount_usd, 0)), "
                    + "sum(coalesce(original_amount, amount_usd)), count(*) FROM journal_line GROUP BY account_id, period_id, coalesce(currency, 'USD')");
            sql.execute("UPDATE account a SET balance_usd = coalesce(v.total, 0) FROM (SELECT id, (SELECT sum(amount_usd) FROM journal_line l "
                    + "WHERE l.account_id = account.id) AS total FROM account) v WHERE v.id = a.id");
            owner.commit();
            owner.setAutoCommit(true);
            sql.execute("ANALYZE");
        }
    }

    private static double median(Work work) throws Exception {
        work.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        return round(times.get(2));
    }

    private static void memory() {
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        results.put("memory.peakHeapMiB", peakHeap >> 20);
        try {
            String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().orElse("VmRSS: ? kB");
            results.put("memory.residentMiB", Long.parseLong(rss.replaceAll("\\D", "")) >> 10);
        } catch (IOException e) {
            results.put("memory.residentMiB", "unknown");
        }
        row("Memory (bench process with the application)", "peak heap " + results.get("memory.peakHeapMiB") + " MiB",
                "resident " + results.get("memory.residentMiB") + " MiB", "");
    }

    private static void write(Path out) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        results.forEach((k, v) -> json.append("  \"").append(k).append("\": ").append(v instanceof Number ? v.toString()
                : "\"" + String.valueOf(v).replace("\"", "'") + "\"").append(",\n"));
        json.setLength(json.length() - 2);
        json.append("\n}\n");
        Files.writeString(out.resolve("bench.json"), json);
        StringBuilder md = new StringBuilder("| Measure | Value | Against raw PostgreSQL | Notes |\n| --- | --- | --- | --- |\n");
        table.forEach(line -> md.append(line).append('\n'));
        md.append("\nPostgreSQL ").append(results.get("postgres.server_version")).append(", fsync=").append(results.get("postgres.fsync"))
                .append(", synchronous_commit=").append(results.get("postgres.synchronous_commit")).append("; ").append(results.get("machine"))
                .append("; ").append(SECONDS).append(" s per posting run.\n");
        Files.writeString(out.resolve("bench.md"), md);
        System.out.println("\n" + md);
    }

    private static void row(String measure, String value, String raw, String notes) {
        table.add("| " + measure + " | " + value + " | " + raw + " | " + notes + " |");
    }

    private static String database(EmbeddedDatabase server, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
    }

    private static Connection owner(String url) throws Exception {
        return DriverManager.getConnection(url, EmbeddedDatabase.OWNER, "postgres");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TrustFundLedgerApplication.class).run("--server.port=0",
                "--trustfund.database.url=" + url, "--trustfund.database.user=" + EmbeddedDatabase.OWNER,
                "--trustfund.database.password=postgres", "--trustfund.demo=1", "--trustfund.demo-data=false",
                "--trustfund.database.pool-size=20", "--logging.level.root=WARN", "--trustfund.max-statement-bytes=268435456",
                // the chain writer runs in the background in production; here it would only compete with the loader
                "--trustfund.chain-initial-delay-ms=86400000", "--trustfund.chain-interval-ms=86400000");
    }

    private static final HttpClient client = HttpClient.newHttpClient();

    private static String http(int port, String method, String path, String body, String key) throws Exception {
        return http(port, method, path, body, key, "application/json");
    }

    private static String http(int port, String method, String path, String body, String key, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", AUTH).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static byte[] httpBytes(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("author:demo".getBytes())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static double seconds(long started) {
        return round((System.nanoTime() - started) / 1e9);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : round(a / b);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
