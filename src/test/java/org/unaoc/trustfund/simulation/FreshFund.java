package org.unaoc.trustfund.simulation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.unaoc.trustfund.system.EmbeddedDatabase;

/**
 * A database of the simulation's own, brought back to what the migrations and the demo users made
 * before each run: every table emptied and refilled from a copy taken once after start-up (the
 * owner's session with triggers off, as a restore does). Far quicker than a new database a run.
 */
final class FreshFund {

    private static final String SNAPSHOT = "simulation_snapshot";
    private static String url;

    private FreshFund() {
    }

    static void register(DynamicPropertyRegistry properties) throws SQLException {
        EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
        String name = "simulation_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
            // the simulation checks the books, not the disk: commits need not wait for the flush
            connection.createStatement().execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        url = server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
        properties.add("trustfund.database.url", () -> url);
        properties.add("trustfund.database.user", () -> EmbeddedDatabase.OWNER);
        properties.add("trustfund.database.password", () -> "postgres");
        properties.add("trustfund.data-dir", () -> org.unaoc.trustfund.support.FreshDatabase.DATA_DIR);
        properties.add("trustfund.demo", () -> "1");
        properties.add("trustfund.demo-data", () -> "false");
        properties.add("trustfund.database.pool-size", () -> "8");
        properties.add("trustfund.chain-initial-delay-ms", () -> "3600000");
    }

    /** Copies every table as start-up left it; called once, before the first run. */
    static synchronized void snapshot() {
        execute(statement -> {
            statement.execute("DROP SCHEMA IF EXISTS " + SNAPSHOT + " CASCADE");
            statement.execute("CREATE SCHEMA " + SNAPSHOT);
            for (String table : tables(statement)) {
                statement.execute("CREATE TABLE " + SNAPSHOT + "." + table + " AS SELECT * FROM public." + table);
            }
        });
    }

    /** Every table back to the snapshot, identities restarted after the rows it holds. */
    static synchronized void reset() {
        execute(statement -> {
            List<String> tables = tables(statement);
            statement.execute("SET session_replication_role = replica");
            statement.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "public." + t).toList()) + " RESTART IDENTITY");
            for (String table : tables) {
                statement.execute("INSERT INTO public." + table + " OVERRIDING SYSTEM VALUE SELECT * FROM " + SNAPSHOT + "." + table);
            }
            List<String[]> identities = new ArrayList<>();
            try (var rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval%')")) {
                while (rows.next()) {
                    identities.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] identity : identities) {
                statement.execute("SELECT setval(pg_get_serial_sequence('public." + identity[0] + "', '" + identity[1]
                        + "'), coalesce((SELECT max(" + identity[1] + ") FROM public." + identity[0] + "), 0) + 1, false)");
            }
            statement.execute("SET session_replication_role = origin");
        });
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private interface Work {
        void run(Statement statement) throws SQLException;
    }

    private static void execute(Work work) {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.OWNER, "postgres");
             Statement statement = connection.createStatement()) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the simulation's books back to the start", e);
        }
    }
}
