package org.unaoc.trustfund.system;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors decided in one place: every throwable that reaches a client becomes a problem here,
 * database refusals included (the triggers and constraints of db/migration name what they
 * refused). Nothing of a stack trace, SQL or class name leaves this class.
 */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static ProblemDetail from(Throwable failure) {
        return asProblem(failure).toProblemDetail();
    }

    public static Problem asProblem(Throwable failure) {
        boolean transactionLost = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Problem problem) {
                return problem;
            }
            if (cause instanceof java.time.DateTimeException) {
                return Problem.invalid("A date is out of range: dates run from year 1 to 9999 (yyyy-MM-dd).");
            }
            if (cause instanceof MethodArgumentTypeMismatchException mismatch) {
                // a path or query value of the wrong kind (a word where an id goes): the client's to mend
                return Problem.invalidField(mismatch.getName(), "'" + mismatch.getValue() + "' is not "
                        + ProblemHandler.expected(mismatch.getRequiredType()) + ".");
            }
            if (cause instanceof PSQLException sql && fromDatabase(sql) instanceof Problem problem) {
                return problem;
            }
            if (cause instanceof TransactionSystemException failed) {
                // a commit or rollback that could not reach the database; what the request failed on first says more
                if (failed.getApplicationException() != null) {
                    return asProblem(failed.getApplicationException());
                }
                transactionLost = true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return databaseUnavailable();
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return databaseUnavailable();
            }
        }
        if (transactionLost) {
            return databaseUnavailable();
        }
        log.error("Unexpected failure answered as 500", failure);
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on our side and wrote nothing. It has been logged; try again or tell the fund's administrator.");
    }

    public static Problem databaseUnavailable() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "The books are unavailable",
                "The database cannot be reached at the moment; nothing was written. Retry with the same Idempotency-Key.");
    }

    /** What the database refused, by SQLSTATE and constraint name; null for what is not a client's doing. */
    private static Problem fromDatabase(PSQLException sql) {
        String state = sql.getSQLState();
        ServerErrorMessage server = sql.getServerErrorMessage();
        String constraint = server == null ? null : server.getConstraint();
        String message = server == null ? "" : server.getMessage();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "TF001" -> Problem.conflict("period-closed", "Period closed", message + ".");
            case "TF002" -> new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unbalanced-entry", "Unbalanced entry", message + ".");
            // the database's own words name tables; the client gets the rule, not the table
            case "TF003" -> Problem.conflict("immutable-record", "Posted records are immutable",
                    "What is posted, decided or logged is never changed or removed; correct it by a new entry (a reversal).");
            case "TF005" -> Problem.conflict("fund-closed", "Fund closed", "The fund is closed: it accepts no entry.");
            case "TF004" -> Problem.conflict("concurrent-update", "Concurrent update", "Another posting changed the same account; retry.");
            case "TF006" -> Problem.conflict("already-decided", "Already decided",
                    "This request has been decided already: a controlled operation is approved or rejected once.");
            case "23505" -> uniqueViolation(constraint);
            case "23514" -> checkViolation(constraint);
            case "23503" -> Problem.invalid("The request refers to something that does not exist; check the codes and ids.");
            case "40001", "40P01" -> Problem.conflict("concurrent-update", "Concurrent update",
                    "Another request changed the same records at the same moment; nothing was written. Retry.");
            case "57014" -> new Problem(HttpStatus.SERVICE_UNAVAILABLE, "timeout", "Timed out",
                    "The request took too long and was cancelled; nothing was written. Retry.");
            default -> state.startsWith("08") || state.startsWith("57P") ? databaseUnavailable()
                    // data exceptions: a value the database cannot hold (a NUL in a text, a number out of range)
                    : state.startsWith("22") ? Problem.invalid("A value in the request cannot be kept by the books "
                            + "(out of range, or a character text may not hold); check what was sent.") : null;
        };
    }

    private static Problem uniqueViolation(String constraint) {
        if (constraint == null) {
            return null;
        }
        return switch (constraint) {
            case "journal_entry_reverses_id_key" -> Problem.conflict("already-reversed", "Already reversed",
                    "This entry has already been reversed; an entry is reversed at most once.");
            case "approval_identical_pending" -> Problem.conflict("duplicate-request", "Duplicate request",
                    "An identical request is already waiting for approval.");
            case "journal_line_account_version" -> Problem.conflict("concurrent-update", "Concurrent update",
                    "Another posting changed the same account; retry.");
            default -> null;
        };
    }

    private static Problem checkViolation(String constraint) {
        if (constraint != null && constraint.endsWith("maker_is_not_checker")) {
            return selfApproval();
        }
        return null;
    }

    public static Problem selfApproval() {
        return new Problem(HttpStatus.FORBIDDEN, "self-approval", "Maker cannot approve",
                "You made this request: another approving officer must approve it (UN financial rule 105.6).");
    }

    static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }
}
