package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;
import org.unaoc.trustfund.system.DatabaseLocation;

/**
 * What injected SQL meets: every statement here runs as the role the application's pool logs in
 * as (with the pool's own URL, user and password), which has trust_fund_app's grants and nothing
 * more. RESET ROLE leads nowhere, the owner cannot be reached, and what the grants allow the
 * triggers still bound: an approval is decided once, a posted entry gets no more lines.
 */
class DatabaseRoleTest extends FreshBooksTest {

    @Autowired
    HikariDataSource pool;

    @Autowired
    DatabaseLocation database;

    private Connection asTheApplication() throws SQLException {
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private Connection asTheOwner() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static void refused(Statement sql, String statement, String state) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state));
    }

    private static ResultSet one(Statement sql, String query) throws SQLException {
        ResultSet row = sql.executeQuery(query);
        assertThat(row.next()).as(query).isTrue();
        return row;
    }

    @Test
    void the_application_logs_in_as_a_role_that_is_no_superuser_owns_nothing_and_has_the_grants_of_trust_fund_app()
            throws SQLException {
        assertThat(pool.getUsername()).isNotEqualTo(database.user());
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            ResultSet role = one(sql, """
                    SELECT current_user, r.rolsuper, r.rolcanlogin, r.rolinherit,
                           (SELECT count(*) FROM pg_class WHERE relowner = r.oid) AS relations,
                           (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
                           (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS databases,
                           pg_has_role(current_user, 'trust_fund_app', 'USAGE') AS grants_apply,
                           has_table_privilege('journal_line', 'INSERT') AS may_post
                      FROM pg_roles r WHERE r.rolname = current_user""");
            assertThat(role.getString("current_user")).isEqualTo(pool.getUsername());
            assertThat(role.getBoolean("rolsuper")).isFalse();
            assertThat(role.getBoolean("rolcanlogin")).isTrue();
            assertThat(role.getLong("relations") + role.getLong("schemas") + role.getLong("databases")).as("owned").isZero();
            assertThat(role.getBoolean("grants_apply")).as("a member of trust_fund_app that inherits its grants").isTrue();
            assertThat(role.getBoolean("may_post")).isTrue();
        }
    }

    @Test
    void the_application_cannot_become_the_owner() throws SQLException {
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            refused(sql, "SET ROLE " + database.user(), "42501");
            refused(sql, "SET SESSION AUTHORIZATION " + database.user(), "42501");
            sql.execute("RESET ROLE");
            assertThat(one(sql, "SELECT current_user").getString(1)).as("RESET ROLE leaves it itself").isEqualTo(pool.getUsername());
        }
    }

    @Test
    void after_reset_role_no_column_of_an_approvals_request_can_be_updated() throws SQLException {
        long id;
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            id = pendingApproval(sql);
            sql.execute("RESET ROLE");
            for (String change : List.of("operation = 'WRITE_OFF'", "payload = '{\"amount\": 1}'", "payload_hash = 'x'",
                    "summary = 'changed'", "requested_by = 'finance2'", "requested_at = now()")) {
                refused(sql, "UPDATE approval SET " + change + " WHERE id = " + id, "42501");
            }
            refused(sql, "DELETE FROM approval WHERE id = " + id, "42501");
        }
        try (Connection owner = asTheOwner(); Statement sql = owner.createStatement()) {
            refused(sql, "UPDATE approval SET payload = '{\"amount\": 1}' WHERE id = " + id, "TF003");
        }
    }

    @Test
    void an_approval_is_decided_once_even_through_the_decision_columns() throws SQLException {
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            long id = pendingApproval(sql);
            assertThat(sql.executeUpdate("UPDATE approval SET status = 'APPROVED', decided_by = 'approver', decided_at = now() "
                    + "WHERE id = " + id)).isEqualTo(1);
            refused(sql, "UPDATE approval SET status = 'REJECTED', decided_by = 'approver', decided_at = now(), "
                    + "decision_reason = 'second thoughts' WHERE id = " + id, "TF006");
            refused(sql, "UPDATE approval SET decision_reason = 'afterwards' WHERE id = " + id, "TF006");
            assertThat(one(sql, "SELECT status, decision_reason FROM approval WHERE id = " + id).getString("status"))
                    .isEqualTo("APPROVED");
        }
    }

    @Test
    void the_journal_cannot_be_updated_or_deleted_and_a_posted_entry_gets_no_more_lines() throws SQLException {
        YearMonth month = Months.fresh();
        long entry;
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            entry = insertEntry(sql, month);
            app.commit();
            app.setAutoCommit(true);
            sql.execute("RESET ROLE");
            refused(sql, "UPDATE journal_line SET amount_usd = amount_usd WHERE entry_id = " + entry, "42501");
            refused(sql, "DELETE FROM journal_line WHERE entry_id = " + entry, "42501");
            refused(sql, "UPDATE journal_entry SET description = 'changed' WHERE id = " + entry, "42501");
            refused(sql, line(entry, 3, 5500, month, "1.00"), "TF003");
        }
        try (Connection owner = asTheOwner(); Statement sql = owner.createStatement()) {
            refused(sql, line(entry, 3, 5500, month, "1.00"), "TF003");
        }
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_LINE,
                org.unaoc.trustfund.db.Tables.JOURNAL_LINE.PERIOD_ID.eq(Periods.idOf(month)))).isEqualTo(2);
    }

    @Test
    void the_audit_log_is_appended_to_but_never_changed_or_emptied() throws SQLException {
        try (Connection app = asTheApplication(); Statement sql = app.createStatement()) {
            assertThat(sql.executeUpdate("INSERT INTO audit_log (actor, action, outcome) VALUES ('psql', 'TEST', 'DONE')")).isEqualTo(1);
            sql.execute("RESET ROLE");
            refused(sql, "DELETE FROM audit_log", "42501");
            refused(sql, "UPDATE audit_log SET actor = 'nobody'", "42501");
            refused(sql, "TRUNCATE audit_log", "42501");
        }
    }

    /** An approval waiting for a decision, requested by finance. */
    private static long pendingApproval(Statement sql) throws SQLException {
        return one(sql, "INSERT INTO approval (operation, payload, payload_hash, summary, requested_by) "
                + "VALUES ('MANUAL_ENTRY', '{}', '" + UUID.randomUUID() + "', 'by hand', 'finance') RETURNING id").getLong(1);
    }

    /** A balanced two-line entry, inserted as the application would; the caller commits. */
    private static long insertEntry(Statement sql, YearMonth month) throws SQLException {
        long entry = one(sql, "INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) VALUES ('"
                + month.atDay(9) + "', " + Periods.idOf(month) + ", 'MANUAL', 'by hand', 'psql') RETURNING id").getLong(1);
        sql.execute(line(entry, 1, 5500, month, "10.00"));
        sql.execute(line(entry, 2, 1010, month, "-10.00"));
        return entry;
    }

    private static String line(long entry, int number, int account, YearMonth month, String usd) {
        return "INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) "
                + "VALUES (" + entry + ", " + number + ", " + account + ", '" + month.atDay(9) + "', " + Periods.idOf(month)
                + ", " + usd + ", (SELECT version + 1 FROM account WHERE id = " + account + "))";
    }
}
