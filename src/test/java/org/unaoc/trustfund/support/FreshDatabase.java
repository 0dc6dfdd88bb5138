package org.unaoc.trustfund.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.unaoc.trustfund.system.EmbeddedDatabase;

/** A new, empty database on the embedded server, and the properties that point the application at it. */
public final class FreshDatabase {

    /**
     * The data folder of every application the tests start: the application's database role is one
     * for the whole server, so they all keep its password in one file.
     */
    /** One folder a test JVM (surefire runs two): the password of the server's application role is kept there. */
    public static final String DATA_DIR = "target/test-database-" + System.getProperty("test.fork", "1");

    private FreshDatabase() {
    }

    public static void register(DynamicPropertyRegistry properties, boolean demoData) throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        properties.add("trustfund.database.url", () -> server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name));
        properties.add("trustfund.database.user", () -> EmbeddedDatabase.OWNER);
        properties.add("trustfund.database.password", () -> "postgres");
        properties.add("trustfund.data-dir", () -> DATA_DIR);
        properties.add("trustfund.demo", () -> "1");
        properties.add("trustfund.demo-data", () -> String.valueOf(demoData));
        properties.add("trustfund.database.pool-size", () -> "16");
    }
}
