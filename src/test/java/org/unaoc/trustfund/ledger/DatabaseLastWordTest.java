package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Closing;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;
import org.unaoc.trustfund.system.DatabaseLocation;

/**
 * What someone at psql meets: the database itself refuses an unbalanced entry, a change to a posted
 * line, an entry in a closed period, maker = checker and a lost update, whatever Java does.
 */
class DatabaseLastWordTest extends FreshBooksTest {

    @Autowired
    DatabaseLocation database;

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private static String stateOf(Throwable failure) {
        return ((SQLException) failure).getSQLState();
    }

    /** Inserts an entry with two lines by hand, as a person at psql would; returns its id. */
    private static long insertEntry(Statement sql, YearMonth month, String debit, String credit) throws SQLException {
        String date = month.atDay(9).toString();
        var result = sql.executeQuery("INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) "
                + "VALUES ('" + date + "', " + Periods.idOf(month) + ", 'MANUAL', 'by hand', 'psql') RETURNING id");
        result.next();
        long id = result.getLong(1);
        sql.execute("INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) "
                + "VALUES (" + id + ", 1, 5500, '" + date + "', " + Periods.idOf(month) + ", " + debit
                + ", (SELECT version + 1 FROM account WHERE id = 5500))");
        sql.execute("INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, period_id, amount_usd, account_version) "
                + "VALUES (" + id + ", 2, 1010, '" + date + "', " + Periods.idOf(month) + ", -" + credit
                + ", (SELECT version + 1 FROM account WHERE id = 1010))");
        return id;
    }

    @Test
    void an_unbalanced_entry_fails_at_commit() throws SQLException {
        YearMonth month = Months.fresh();
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            insertEntry(sql, month, "100.00", "99.99");
            assertThatThrownBy(connection::commit).satisfies(e -> assertThat(stateOf(e)).isEqualTo("TF002"))
                    .hasMessageContaining("does not balance");
        }
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY,
                org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY.PERIOD_ID.eq(Periods.idOf(month)))).isZero();
    }

    @Test
    void a_balanced_entry_by_hand_keeps_the_balances() throws SQLException {
        YearMonth month = Months.fresh();
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            insertEntry(sql, month, "25.00", "25.00");
            connection.commit();
        }
        var balance = db.fetchOne("SELECT sum(debit_usd) AS d, sum(credit_usd) AS c FROM account_period_balance "
                + "WHERE account_id = 5500 AND period_id = ?", Periods.idOf(month));
        assertThat(balance.get("d", java.math.BigDecimal.class)).isEqualByComparingTo("25.00");
    }

    @Test
    void posted_lines_and_entries_cannot_be_updated_or_deleted_even_by_the_owner() throws SQLException {
        YearMonth month = Months.fresh();
        long id;
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            id = insertEntry(sql, month, "10.00", "10.00");
            connection.commit();
            connection.setAutoCommit(true);
            for (String change : List.of(
                    "UPDATE journal_line SET amount_usd = 11.00 WHERE entry_id = " + id + " AND line_no = 1",
                    "DELETE FROM journal_line WHERE entry_id = " + id,
                    "UPDATE journal_entry SET description = 'changed' WHERE id = " + id,
                    "DELETE FROM journal_entry WHERE id = " + id,
                    "TRUNCATE journal_line CASCADE")) {
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .satisfies(e -> assertThat(stateOf(e)).isEqualTo("TF003"));
            }
        }
    }

    @Test
    void the_runtime_role_has_no_right_to_update_or_delete_the_journal() throws SQLException {
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            sql.execute("SET ROLE trust_fund_app");
            for (String change : List.of("UPDATE journal_line SET amount_usd = amount_usd WHERE false",
                    "DELETE FROM journal_entry WHERE false", "UPDATE account SET balance_usd = 0 WHERE false",
                    "DELETE FROM idempotency_key WHERE false")) {
                assertThatThrownBy(() -> sql.execute(change)).as(change)
                        .satisfies(e -> assertThat(stateOf(e)).isEqualTo("42501"));
            }
        }
    }

    @Test
    void an_entry_in_a_closed_period_is_refused_by_the_database() throws SQLException {
        YearMonth month = Months.fresh();
        Closing.monthsBefore(api(), db, month);
        api().post("finance", "/api/periods/" + month + "/close", java.util.Map.of());
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> insertEntry(sql, month, "1.00", "1.00"))
                    .satisfies(e -> assertThat(stateOf(e)).isEqualTo("TF001"));
        }
    }

    @Test
    void maker_and_checker_must_differ_in_the_database() throws SQLException {
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("INSERT INTO approval (operation, payload, payload_hash, summary, status, "
                    + "requested_by, decided_by, decided_at) VALUES ('MANUAL_ENTRY', '{}', 'x', 'x', 'APPROVED', "
                    + "'finance', 'finance', now())"))
                    .satisfies(e -> assertThat(stateOf(e)).isEqualTo("23514"));
            assertThatThrownBy(() -> sql.execute("INSERT INTO journal_entry (entry_date, period_id, type, description, "
                    + "created_by, approved_by) VALUES ('2050-01-01', 205001, 'MANUAL', 'x', 'finance', 'finance')"))
                    .satisfies(e -> assertThat(stateOf(e)).isEqualTo("23514"));
        }
    }

    @Test
    void two_lines_claiming_the_same_account_version_collide() throws SQLException {
        YearMonth month = Months.fresh();
        String date = month.atDay(2).toString();
        try (Connection connection = owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            var result = sql.executeQuery("INSERT INTO journal_entry (entry_date, period_id, type, description, created_by) "
                    + "VALUES ('" + date + "', " + Periods.idOf(month) + ", 'MANUAL', 'stale', 'psql') RETURNING id");
            result.next();
            long id = result.getLong(1);
            assertThatThrownBy(() -> sql.execute("INSERT INTO journal_line (entry_id, line_no, account_id, entry_date, "
                    + "period_id, amount_usd, account_version) VALUES (" + id + ", 1, 1010, '" + date + "', "
                    + Periods.idOf(month) + ", 5.00, (SELECT version FROM account WHERE id = 1010))"))
                    .satisfies(e -> assertThat(stateOf(e)).isIn("23505", "TF004"));
            connection.rollback();
        }
    }
}
