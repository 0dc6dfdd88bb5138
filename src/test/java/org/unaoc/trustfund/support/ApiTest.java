package org.unaoc.trustfund.support;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a random port over the embedded PostgreSQL, started once for every
 * test class that extends this (one Spring context, one database server per test run). Tests
 * share the database: each takes its own months from {@link Months} and asserts on what it made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    // the server is started here, on a folder deleted when the test run ends
    private static final String DATA_DIR = startDatabase();

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    @Autowired
    protected JsonMapper json;

    private Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("trustfund.data-dir", () -> DATA_DIR);
        properties.add("trustfund.demo", () -> "1");
        properties.add("trustfund.demo-data", () -> "false");
        properties.add("trustfund.database.url", () -> System.getProperty("test.database.url", ""));
        properties.add("trustfund.database.user", () -> System.getProperty("test.database.user", ""));
        properties.add("trustfund.database.password", () -> System.getProperty("test.database.password", ""));
    }

    @org.junit.jupiter.api.BeforeEach
    void monthsAfterEarlierRuns() {
        Months.startAfterUsed(db);
    }

    protected Api api() {
        if (api == null) {
            api = new Api(port, json);
        }
        return api;
    }

    private static String startDatabase() {
        if (System.getProperty("test.database.url", "").isBlank()) {
            org.unaoc.trustfund.system.EmbeddedDatabase.startTemporary();
        }
        return FreshDatabase.DATA_DIR;
    }
}
