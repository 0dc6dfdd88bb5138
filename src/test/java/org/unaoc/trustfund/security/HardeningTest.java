package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unaoc.trustfund.TrustFundLedgerApplication;
import org.unaoc.trustfund.system.EmbeddedDatabase;

/** Outside demo mode there are no default users, and no start without an administrator's password. */
class HardeningTest {

    private static String freshDatabase() throws Exception {
        EmbeddedDatabase server = EmbeddedDatabase.startTemporary();
        String name = "hardening_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        return server.jdbcUrl().replace("/" + EmbeddedDatabase.DATABASE, "/" + name);
    }

    /** Command-line arguments, which outrank application.properties and the environment. */
    private static ConfigurableApplicationContext start(String url, String adminPassword) {
        return new SpringApplicationBuilder(TrustFundLedgerApplication.class).run(
                "--server.port=0", "--trustfund.database.url=" + url, "--trustfund.database.user=" + EmbeddedDatabase.OWNER,
                "--trustfund.database.password=postgres", "--trustfund.demo=0", "--trustfund.admin-password=" + adminPassword,
                "--trustfund.database.pool-size=4", "--trustfund.data-dir=" + org.unaoc.trustfund.support.FreshDatabase.DATA_DIR);
    }

    @Test
    void outside_demo_mode_it_refuses_to_start_without_an_administrator_password() throws Exception {
        String url = freshDatabase();
        assertThatThrownBy(() -> start(url, "").close()).hasStackTraceContaining("ADMIN_PASSWORD");
    }

    @Test
    void outside_demo_mode_only_the_administrator_exists() throws Exception {
        String url = freshDatabase();
        try (ConfigurableApplicationContext context = start(url, "a-long-secret-from-the-environment")) {
            var db = context.getBean(org.jooq.DSLContext.class);
            assertThat(db.fetch("SELECT username FROM app_user").getValues(0, String.class)).containsExactly("admin");
        }
    }
}
