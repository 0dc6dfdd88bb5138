package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.unaoc.trustfund.db.Tables;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix of {@code security/access-matrix.tsv}, written from SPEC.md §1, §3 and §6 and
 * not from the code: every mapped endpoint, with each of GET, HEAD, POST, PUT, PATCH and DELETE,
 * as each of the nine demo users and as nobody. A method the table gives the path is allowed or
 * refused (403, {@code /problems/forbidden}) as the table says; one it does not give is 405
 * ({@code /problems/method-not-allowed}); an endpoint missing from the table fails the test, and
 * nothing any of these requests does writes to the books.
 */
class AccessMatrixTest extends ApiTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> ROLES = List.of("FINANCE_OFFICER", "APPROVER", "AUDITOR", "REPORT_AUTHOR",
            "CO_SPONSOR", "DONOR", "ADMIN");
    /** The demo users of SPEC.md §3 and their roles. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("finance", "FINANCE_OFFICER");
        USERS.put("finance2", "FINANCE_OFFICER");
        USERS.put("approver", "APPROVER");
        USERS.put("auditor", "AUDITOR");
        USERS.put("author", "REPORT_AUTHOR");
        USERS.put("spain", "CO_SPONSOR");
        USERS.put("turkey", "CO_SPONSOR");
        USERS.put("qatar", "DONOR");
        USERS.put("admin", "ADMIN");
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One row of the table: who may call this method on this path. */
    record Row(String method, String path, Map<String, String> access, boolean planned) {
        boolean isApi() {
            return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")
                    || path.startsWith("/swagger-ui");
        }
    }

    private static List<Row> table() {
        try {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/test/resources/security/access-matrix.tsv"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                Map<String, String> access = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    access.put(ROLES.get(i), cells[2 + i]);
                }
                boolean planned = cells.length > 2 + ROLES.size() + 1 && cells[cells.length - 1].equals("planned");
                rows.add(new Row(cells[0], cells[1], access, planned));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every (method, path) the application maps, statements one by one. */
    private Set<String> mapped() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    if (pattern.equals("/api/statements/{name}")) {
                        org.unaoc.trustfund.statements.Statements.NAMES.forEach(name ->
                                mapped.add(method.name() + " /api/statements/" + name));
                    } else {
                        mapped.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return mapped;
    }

    @Test
    void the_table_names_every_mapped_endpoint_and_only_those() {
        Set<String> listed = new TreeSet<>();
        Set<String> planned = new TreeSet<>();
        for (Row row : table()) {
            (row.planned() ? planned : listed).add(row.method() + " " + row.path());
        }
        Set<String> mapped = mapped();
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        assertThat(missing).as("mapped endpoints missing from access-matrix.tsv").isEmpty();
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        stale.removeIf(endpoint -> endpoint.startsWith("GET /actuator/") || endpoint.startsWith("GET /v3/")
                || endpoint.startsWith("GET /swagger-ui") || endpoint.endsWith(" /login"));
        assertThat(stale).as("rows of access-matrix.tsv that nothing maps (mark them planned)").isEmpty();
        Set<String> built = new TreeSet<>(planned);
        built.retainAll(mapped);
        assertThat(built).as("rows marked planned that are mapped now").isEmpty();
    }

    @Test
    void every_user_gets_what_the_table_says_for_every_method_on_every_endpoint() throws Exception {
        Map<String, List<Row>> byPath = new LinkedHashMap<>();
        for (Row row : table()) {
            if (!row.planned()) {
                byPath.computeIfAbsent(row.path(), path -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String user : USERS.keySet()) {
            sessions.put(user, logIn(user));
        }
        long entries = db.fetchCount(Tables.JOURNAL_ENTRY);
        long approvals = db.fetchCount(Tables.APPROVAL);
        List<Case> cases = new ArrayList<>();
        for (var path : byPath.entrySet()) {
            Map<String, Row> byMethod = new LinkedHashMap<>();
            for (Row row : path.getValue()) {
                byMethod.put(row.method(), row);
                if (row.method().equals("GET")) {
                    byMethod.put("HEAD", row);
                }
            }
            boolean api = path.getValue().getFirst().isApi();
            String concrete = concrete(path.getKey());
            for (String method : METHODS) {
                Row row = byMethod.get(method);
                for (String user : USERS.keySet()) {
                    cases.add(new Case(method, concrete, api, user, row == null ? "none" : row.access().get(USERS.get(user))));
                }
                boolean open = row != null && row.access().values().stream().allMatch("public"::equals);
                cases.add(new Case(method, concrete, api, null, open ? "public" : "anonymous"));
            }
        }
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (Case call : cases) {
                threads.submit(() -> {
                    String problem;
                    try {
                        Answer answer = call.api() ? callApi(call.user(), call.method(), call.path())
                                : callPage(call.user() == null ? null : sessions.get(call.user()), call.method(), call.path());
                        problem = expectation(call, answer);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        problem = "no answer: " + e;
                    }
                    if (problem != null) {
                        wrong.add(call.method() + " " + call.path() + " as " + call.user() + " (" + call.access() + "): " + problem);
                    }
                });
            }
        }
        assertThat(wrong).as("answers that differ from access-matrix.tsv, of " + cases.size() + " cases").isEmpty();
        assertThat(cases).hasSizeGreaterThan(byPath.size() * METHODS.size() * USERS.size());
        assertThat(db.fetchCount(Tables.JOURNAL_ENTRY)).as("nothing posted").isEqualTo(entries);
        assertThat(db.fetchCount(Tables.APPROVAL)).as("nothing requested").isEqualTo(approvals);
    }

    /** What is wrong with the answer, or null when it is the one the table asks for. */
    private static String expectation(Case call, Answer answer) {
        String method = call.method();
        boolean api = call.api();
        int status = answer.status();
        if (status >= 500) {
            return "server error " + status + " " + answer.body();
        }
        switch (call.access()) {
            case "anonymous" -> {
                // a page asks for the login form; a write from a browser without a session fails its CSRF check
                boolean refused = api ? status == 401 : status == 302
                        || status == 403 && !method.equals("GET") && !method.equals("HEAD");
                return refused ? null : "expected to be asked to log in, got " + status + " " + answer.body();
            }
            case "allow", "own", "public" -> {
                if (call.user() == null && !api && status == 403 && !method.equals("GET") && !method.equals("HEAD")) {
                    return null; // a browser write without a session fails its CSRF check first
                }
                return status == 401 || status == 403 || status == 405 ? "refused " + status + " " + answer.body() : null;
            }
            case "deny" -> {
                if (status != 403) {
                    return "expected 403, got " + status + " " + answer.body();
                }
                return api && !method.equals("HEAD") && !answer.type().equals("/problems/forbidden")
                        ? "403 of type " + answer.type() : null;
            }
            case "none" -> {
                if (status != 405) {
                    return "expected 405, got " + status + " " + answer.body();
                }
                return !method.equals("HEAD") && !answer.type().equals("/problems/method-not-allowed")
                        ? "405 of type " + answer.type() : null;
            }
            default -> throw new IllegalStateException("access-matrix.tsv: unknown access '" + call.access() + "'");
        }
    }

    /** The path with harmless values: ids that do not exist, a period that is not a month. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{id(:[^}]*)?}", "987654321").replace("{code}", "0000").replace("{period}", "not-a-month")
                .replaceAll("\\{number(:[^}]*)?}", "1").replace("{name}", "nobody");
    }

    /** One request of the matrix: a method on a path as a user (null: nobody), and what the table says of it. */
    record Case(String method, String path, boolean api, @Nullable String user, String access) {
    }

    record Answer(int status, String body) {
        String type() {
            Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            return type.find() ? type.group(1) : "";
        }
    }

    record Session(HttpClient client, String csrf) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private Answer callApi(@Nullable String user, String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, bodyFor(method, "{}"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private Answer callPage(@Nullable Session session, String method, String path) throws IOException, InterruptedException {
        HttpClient client = session == null ? http : session.client();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, bodyFor(method, session == null ? "" : "_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8)));
        if (session != null) {
            request.header("X-CSRF-TOKEN", session.csrf());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static HttpRequest.BodyPublisher bodyFor(String method, String body) {
        return method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
    }

    private Session logIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> done = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.headers().firstValue("Location").orElseThrow()).as("login of " + user).doesNotContain("failed");
        Matcher page = CSRF.matcher(client.send(HttpRequest.newBuilder(uri("/fund")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(page.find()).as("the fund page of " + user + " carries a CSRF token").isTrue();
        return new Session(client, page.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
