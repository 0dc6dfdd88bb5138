package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What the database refuses reaches the client as a rule it can act on, naming no table, constraint or class. */
class ProblemWordingTest {

    private static PSQLException refused(String state, String message, String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0t" + "journal_line"
                + "\0n" + constraint + "\0"));
    }

    @Test
    void refusals_of_the_database_name_no_table_constraint_or_class() {
        for (PSQLException refusal : List.of(
                refused("TF003", "UPDATE of journal_line is refused: posted records are immutable", "journal_line_immutable"),
                refused("TF006", "approval 12 was already approved: a request is decided once", "approval_decided_once"),
                refused("23503", "insert or update on table \"receipt\" violates foreign key", "receipt_agreement_id_fkey"),
                refused("23505", "duplicate key value violates unique constraint", "receipt_bank_reference_key"),
                refused("XX000", "internal error in PSQLException", "journal_line_pkey"))) {
            var problem = Problems.from(new RuntimeException("wrapped", refusal));
            assertThat(problem.getDetail()).as(refusal.getSQLState())
                    .doesNotContain("journal_line", "approval_decided_once", "receipt", "fkey", "_key", "pkey", "PSQLException",
                            "Exception", "org.");
            assertThat(problem.getTitle()).doesNotContain("_", "Exception");
        }
    }
}
