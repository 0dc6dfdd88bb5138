package org.unaoc.trustfund.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ code from db/migration: a fresh embedded PostgreSQL, Flyway, then jOOQ's
 * generator reading the real schema. `make jooq` writes into src/main/jooq; the test
 * {@code GeneratedCodeTest} writes into a temporary folder and compares.
 */
public final class JooqGenerator {

    public static final String PACKAGE = "org.unaoc.trustfund.db";

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/main/jooq");
        generate(target);
        System.exit(0); // the embedded server's shutdown hook stops it
    }

    public static void generate(Path targetDirectory) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.startTemporary();
        // a schema of its own, so that a database shared with tests does not leak into the code
        String url = database.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS jooq_codegen WITH (FORCE)");
            connection.createStatement().execute("CREATE DATABASE jooq_codegen");
        }
        String codegenUrl = url.replace("/" + EmbeddedDatabase.DATABASE, "/jooq_codegen");
        Flyway.configure()
                .dataSource(codegenUrl, EmbeddedDatabase.OWNER, "postgres")
                .locations("filesystem:db/migration")
                .load()
                .migrate();
        GenerationTool.generate(new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(codegenUrl)
                        .withUser(EmbeddedDatabase.OWNER).withPassword("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withExcludes("flyway_schema_history"))
                        .withGenerate(new Generate()
                                .withPojos(false)
                                .withDaos(false)
                                .withRecords(true)
                                .withGeneratedAnnotation(false)
                                .withComments(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(targetDirectory.toString())
                                .withClean(true))));
    }
}
