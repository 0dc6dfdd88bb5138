package org.unaoc.trustfund.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.unaoc.trustfund.system.EmbeddedDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application over a database of its own, empty but for the migrations and the demo users:
 * for tests whose figures depend on the whole fund (availability, closure), which a shared
 * database would disturb. One new database per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class FreshBooksTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    @Autowired
    protected JsonMapper json;

    private Api api;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        properties.add("trustfund.database.url", () -> server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name));
        properties.add("trustfund.database.user", () -> EmbeddedDatabase.OWNER);
        properties.add("trustfund.database.password", () -> "postgres");
        properties.add("trustfund.demo", () -> "1");
        properties.add("trustfund.demo-data", () -> "false");
        properties.add("trustfund.database.pool-size", () -> "16");
    }

    protected Api api() {
        if (api == null) {
            api = new Api(port, json);
        }
        return api;
    }
}
