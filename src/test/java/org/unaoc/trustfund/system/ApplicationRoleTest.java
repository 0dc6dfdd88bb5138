package org.unaoc.trustfund.system;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own database role when none is configured: a password made once and kept in
 * the data folder for its owner's eyes only, and set on the server at every start, so that a lost
 * file costs a new password and nothing else. The embedded server asks every role but the owner
 * for its password, as any server would.
 */
class ApplicationRoleTest {

    private static final EmbeddedDatabase server = EmbeddedDatabase.startTemporary();

    @TempDir
    Path data;

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres");
    }

    private static String loggedInAs(String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), user, password)) {
            var row = connection.createStatement().executeQuery("SELECT current_user");
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void the_generated_password_is_kept_for_its_owner_only_reused_and_made_again_when_lost() throws IOException {
        ApplicationRole first = ApplicationRole.generated(data);
        Path file = data.resolve("database-app-password");
        assertThat(first.user()).isEqualTo("trust_fund_app_login");
        assertThat(first.password()).hasSize(43).isEqualTo(Files.readString(file).strip());
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        assertThat(ApplicationRole.generated(data).password()).as("the next start").isEqualTo(first.password());

        Files.delete(file);
        assertThat(ApplicationRole.generated(data).password()).as("after the file was lost").isNotEqualTo(first.password());
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
    }

    @Test
    void every_start_sets_the_kept_password_on_the_role_so_a_lost_file_only_changes_it() throws SQLException {
        String name = "test_login_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection owner = owner()) {
            owner.createStatement().execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trust_fund_app') "
                    + "THEN CREATE ROLE trust_fund_app NOLOGIN; END IF; END $$");
            try {
                new ApplicationRoleSetUp(new ApplicationRole(name, "kept-first", true)).prepare(owner);
                assertThat(loggedInAs(name, "kept-first")).isEqualTo(name);

                new ApplicationRoleSetUp(new ApplicationRole(name, "kept-second", true)).prepare(owner);
                assertThat(loggedInAs(name, "kept-second")).isEqualTo(name);
                assertThatThrownBy(() -> loggedInAs(name, "kept-first")).as("the old password")
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            } finally {
                owner.createStatement().execute("DROP ROLE IF EXISTS " + name);
            }
        }
    }

    @Test
    void a_configured_role_that_could_change_the_books_stops_the_start() throws SQLException {
        try (Connection owner = owner()) {
            assertThatThrownBy(() -> new ApplicationRoleSetUp(ApplicationRole.configured(EmbeddedDatabase.OWNER, "postgres"))
                    .prepare(owner)).isInstanceOf(IllegalStateException.class).hasMessageContaining("is a superuser");
        }
    }
}
