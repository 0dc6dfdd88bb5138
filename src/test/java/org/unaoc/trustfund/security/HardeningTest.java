package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
    private static ConfigurableApplicationContext start(String url, String adminPassword, String... more) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0", "--trustfund.database.url=" + url, "--trustfund.database.user=" + EmbeddedDatabase.OWNER,
                "--trustfund.database.password=postgres", "--trustfund.demo=0", "--trustfund.admin-password=" + adminPassword,
                "--trustfund.database.pool-size=4", "--trustfund.demo-data=false",
                "--trustfund.data-dir=" + org.unaoc.trustfund.support.FreshDatabase.DATA_DIR));
        for (String argument : more) { // an argument given here replaces the default of the same name
            arguments.removeIf(given -> given.startsWith(argument.substring(0, argument.indexOf('=') + 1)));
            arguments.add(argument);
        }
        return new SpringApplicationBuilder(TrustFundLedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void a_weak_administrator_password_stops_the_start_and_says_why() throws Exception {
        String url = freshDatabase();
        assertThatThrownBy(() -> start(url, "short-one").close()).hasStackTraceContaining("needs at least 12");
        assertThatThrownBy(() -> start(url, "Password2006!").close()).hasStackTraceContaining("common password");
        assertThatThrownBy(() -> start(url, "123456789012").close()).hasStackTraceContaining("run of keys");
        assertThat(AdministratorPassword.weakness("admin-admin-admin")).contains("common password");
        assertThat(AdministratorPassword.weakness("aaaaaaaaaaaaaaaa")).contains("5 different");
        assertThat(AdministratorPassword.weakness("correct horse battery staple")).isNull();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void demo_users_left_on_a_database_are_disabled_when_it_starts_outside_demo_mode(CapturedOutput output) throws Exception {
        String url = freshDatabase();
        try (ConfigurableApplicationContext demo = start(url, "", "--trustfund.demo=1")) {
            assertThat(demo.getBean(org.jooq.DSLContext.class).fetchCount(org.unaoc.trustfund.db.Tables.APP_USER,
                    org.unaoc.trustfund.db.Tables.APP_USER.ENABLED.isTrue())).isEqualTo(9);
        }
        try (ConfigurableApplicationContext real = start(url, "a-long-secret-from-the-environment")) {
            var db = real.getBean(org.jooq.DSLContext.class);
            assertThat(db.fetch("SELECT username FROM app_user WHERE enabled ORDER BY username").getValues(0, String.class))
                    .containsExactly("admin");
            assertThat(db.fetch("SELECT username FROM app_user WHERE NOT enabled ORDER BY username").getValues(0, String.class))
                    .containsExactly("approver", "auditor", "author", "finance", "finance2", "qatar", "spain", "turkey");
        }
        assertThat(output.getOut()).contains("the demo users [finance, finance2, approver, auditor, author, spain, turkey, qatar]"
                + " had the demo password and are now disabled");
    }

    @Test
    void the_session_cookie_is_secure_over_https_and_strict_always() throws Exception {
        String url = freshDatabase();
        for (boolean secure : new boolean[] {false, true}) {
            try (ConfigurableApplicationContext app = start(url, "a-long-secret-from-the-environment",
                    "--server.servlet.session.cookie.secure=" + secure)) {
                int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
                var client = java.net.http.HttpClient.newHttpClient();
                var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
                assertThat(cookie).as(cookie).contains("SameSite=Strict").contains("HttpOnly");
                assertThat(cookie.contains("Secure")).as(cookie).isEqualTo(secure);
            }
        }
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
