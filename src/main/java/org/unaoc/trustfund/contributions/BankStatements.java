package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.BANK_STATEMENT;
import static org.unaoc.trustfund.db.Tables.BANK_STATEMENT_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * Bank statement import: checked for continuity and arithmetic, safe to import twice, booked
 * credits become receipts matched where the statement says whose they are, the rest unapplied.
 */
@Service
public class BankStatements {

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final Receipts receipts;
    private final StatementMatcher matcher;

    BankStatements(DSLContext db, ChartOfAccounts chart, Receipts receipts, StatementMatcher matcher) {
        this.db = db;
        this.chart = chart;
        this.receipts = receipts;
        this.matcher = matcher;
    }

    public record CsvParameters(@Nullable String account, @Nullable String statement, @Nullable BigDecimal opening,
                                @Nullable BigDecimal closing) {
    }

    public record Booked(int line, String bankReference, long receipt, String match, @Nullable String contributor,
                         @Nullable Long agreement, Money amount, Money unapplied) {
    }

    public record Imported(@Nullable Long statement, String account, String reference, String format,
                           boolean alreadyImported, String message, int entries, int credits, int receiptsCreated,
                           int matched, int unapplied, int duplicatesSkipped, int debitsAndPendingIgnored,
                           List<Booked> receipts) {
    }

    @Transactional
    public Imported importXml(byte[] xml, String user) {
        ParsedStatement statement = Camt053.parse(xml);
        Account account = accountByIban(statement.accountIban());
        return book(statement, account, xml, user);
    }

    @Transactional
    public Imported importCsv(byte[] csv, CsvParameters parameters, String user) {
        if (parameters.account() == null || parameters.statement() == null || parameters.opening() == null
                || parameters.closing() == null) {
            throw Problem.invalid("A CSV statement needs the parameters account, statement, opening and closing.");
        }
        DecimalLimits.checked(parameters.opening(), "opening");
        DecimalLimits.checked(parameters.closing(), "closing");
        Account account = cashAccount(chart.byCode(parameters.account()));
        ParsedStatement statement = StatementCsv.parse(csv, parameters.statement(), account.currency(),
                parameters.opening(), parameters.closing());
        return book(statement, account, csv, user);
    }

    private Imported book(ParsedStatement statement, Account account, byte[] content, String user) {
        if (!statement.currency().equals(account.currency())) {
            throw Problem.invalid("The statement is in " + statement.currency() + " but account " + account.code()
                    + " is kept in " + account.currency() + ".");
        }
        AdvisoryLocks.hold(db, AdvisoryLocks.BANK_ACCOUNT_STATEMENTS, account.id());
        String hash = org.unaoc.trustfund.system.Sha256.of(content);
        var earlier = db.selectFrom(BANK_STATEMENT).where(BANK_STATEMENT.ACCOUNT_ID.eq(account.id()))
                .and(BANK_STATEMENT.STATEMENT_REF.eq(statement.reference())).fetchOne();
        if (earlier != null) {
            if (!earlier.getContentHash().equals(hash)) {
                throw Problem.conflict("statement-reference-reused", "Statement already imported",
                        "A different statement " + statement.reference() + " of account " + account.code()
                                + " was imported on " + earlier.getImportedAt().toLocalDate() + "; nothing was imported.");
            }
            return new Imported(earlier.getId(), account.code(), statement.reference(), statement.format(), true,
                    "Statement " + statement.reference() + " was already imported on "
                            + earlier.getImportedAt().toLocalDate() + ": nothing was added.",
                    statement.lines().size(), 0, 0, 0, 0, 0, 0, List.of());
        }
        checkContinuity(statement, account);
        checkArithmetic(statement);
        long id = db.insertInto(BANK_STATEMENT)
                .set(BANK_STATEMENT.ACCOUNT_ID, account.id()).set(BANK_STATEMENT.STATEMENT_REF, statement.reference())
                .set(BANK_STATEMENT.FORMAT, statement.format()).set(BANK_STATEMENT.CURRENCY, statement.currency())
                .set(BANK_STATEMENT.OPENING_BALANCE, statement.opening()).set(BANK_STATEMENT.CLOSING_BALANCE, statement.closing())
                .set(BANK_STATEMENT.FROM_DATE, statement.from()).set(BANK_STATEMENT.TO_DATE, statement.to())
                .set(BANK_STATEMENT.CONTENT_HASH, hash).set(BANK_STATEMENT.ENTRIES, statement.lines().size())
                .set(BANK_STATEMENT.IMPORTED_BY, user)
                .returning(BANK_STATEMENT.ID).fetchOne(BANK_STATEMENT.ID);
        keepLines(statement, id);
        return receipts(statement, account, id, user);
    }

    /** Every booked entry as the bank sent it, debits too: the bank reconciliation matches them to the journal. */
    private void keepLines(ParsedStatement statement, long id) {
        var insert = db.insertInto(BANK_STATEMENT_LINE, BANK_STATEMENT_LINE.STATEMENT_ID, BANK_STATEMENT_LINE.LINE_NO,
                BANK_STATEMENT_LINE.BOOKED_ON, BANK_STATEMENT_LINE.AMOUNT, BANK_STATEMENT_LINE.REFERENCE,
                BANK_STATEMENT_LINE.COUNTERPARTY, BANK_STATEMENT_LINE.REMITTANCE);
        boolean any = false;
        for (ParsedStatement.Line line : statement.lines()) {
            if (line.booked() && line.amount().signum() != 0) {
                insert = insert.values(id, line.number(), line.bookedOn(), line.amount(), reference(statement, line),
                        line.payerName(), line.remittance());
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    /** The bank reference a statement entry is booked under: its own, or the statement's and its number. */
    static String reference(ParsedStatement statement, ParsedStatement.Line line) {
        return line.reference() != null ? line.reference() : statement.reference() + "/" + line.number();
    }

    private Imported receipts(ParsedStatement statement, Account account, long id, String user) {
        Set<String> booked = new HashSet<>(db.select(RECEIPT.BANK_REFERENCE).from(RECEIPT)
                .where(RECEIPT.BANK_ACCOUNT_ID.eq(account.id())).fetch(RECEIPT.BANK_REFERENCE));
        List<ParsedStatement.Line> toBook = new ArrayList<>();
        List<String> references = new ArrayList<>();
        int credits = 0;
        int duplicates = 0;
        for (ParsedStatement.Line line : statement.lines()) {
            if (!line.isBookedCredit()) {
                continue;
            }
            credits++;
            String reference = reference(statement, line);
            if (!booked.add(reference)) {
                duplicates++;
                continue;
            }
            toBook.add(line);
            references.add(reference);
        }
        List<StatementMatcher.Match> matches = matcher.matchAll(toBook, references, account);
        List<Receipts.Recorded> recorded = receipts.recordAll(matches.stream().map(StatementMatcher.Match::receipt).toList(),
                id, user, true, true);
        List<Booked> results = new ArrayList<>();
        int matched = 0;
        int unapplied = 0;
        for (int i = 0; i < matches.size(); i++) {
            StatementMatcher.Match match = matches.get(i);
            Receipts.Recorded receipt = recorded.get(i);
            boolean applied = receipt.unapplied().amount().signum() == 0;
            matched += applied ? 1 : 0;
            unapplied += applied ? 0 : 1;
            results.add(new Booked(match.line(), match.receipt().bankReference(), receipt.id(),
                    applied ? match.how() : "UNAPPLIED",
                    receipt.contributor() != null ? receipt.contributor() : match.proposedContributor(),
                    receipt.agreement(), receipt.amount(), receipt.unapplied()));
        }
        int ignored = statement.lines().size() - credits;
        return new Imported(id, account.code(), statement.reference(), statement.format(), false,
                matches.size() + " receipts created (" + matched + " matched, " + unapplied + " held as unapplied), "
                        + duplicates + " already booked, " + ignored + " debits or pending entries not booked as receipts"
                        + " (the debits are kept for the bank reconciliation).",
                statement.lines().size(), credits, matches.size(), matched, unapplied, duplicates, ignored, results);
    }

    private void checkContinuity(ParsedStatement statement, Account account) {
        var previous = db.selectFrom(BANK_STATEMENT).where(BANK_STATEMENT.ACCOUNT_ID.eq(account.id()))
                .orderBy(BANK_STATEMENT.ID.desc()).limit(1).fetchOne();
        if (previous != null && previous.getClosingBalance().compareTo(statement.opening()) != 0) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "statement-discontinuity", "Statement does not follow on",
                    "The opening balance " + statement.opening().toPlainString() + " of statement " + statement.reference()
                            + " differs from the closing balance " + previous.getClosingBalance().stripTrailingZeros().toPlainString()
                            + " of the previous statement " + previous.getStatementRef() + " of account " + account.code()
                            + ". Import the missing statement first. Nothing was imported.")
                    .with("opening", statement.opening().toPlainString())
                    .with("previousClosing", previous.getClosingBalance().stripTrailingZeros().toPlainString());
        }
    }

    private static void checkArithmetic(ParsedStatement statement) {
        BigDecimal movement = statement.lines().stream().filter(ParsedStatement.Line::booked)
                .map(ParsedStatement.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = statement.closing().subtract(statement.opening());
        if (movement.compareTo(expected) != 0) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "statement-does-not-add-up", "Statement does not add up",
                    "The booked entries add up to " + movement.toPlainString() + " but closing − opening is "
                            + expected.toPlainString() + ". Nothing was imported.")
                    .with("entries", movement.toPlainString()).with("closingMinusOpening", expected.toPlainString());
        }
        for (ParsedStatement.Line line : statement.lines()) {
            if (!line.currency().equals(statement.currency())) {
                throw Problem.invalid("Entry " + line.number() + " is in " + line.currency() + ", the statement in "
                        + statement.currency() + ". Nothing was imported.");
            }
            Money.withinScale(line.amount(), Money.decimals(line.currency()), "entry " + line.number());
        }
    }

    private Account accountByIban(@Nullable String iban) {
        String code = iban == null ? null : db.select(ACCOUNT.CODE).from(ACCOUNT)
                .where(ACCOUNT.IBAN.eq(iban.replace(" ", ""))).fetchOne(ACCOUNT.CODE);
        if (code == null) {
            throw Problem.invalid("The statement's account " + iban + " is not one of the fund's bank accounts.");
        }
        return cashAccount(chart.byCode(code));
    }

    private static Account cashAccount(Account account) {
        if (!account.bank()) {
            throw Problem.invalidField("account", account.code() + " is not one of the fund's bank accounts");
        }
        return account;
    }


    /** The statements imported, oldest first: reference, format, currency, balances, entries, who and when. */
    public List<java.util.Map<String, Object>> list() {
        return db.select(BANK_STATEMENT.ID, BANK_STATEMENT.STATEMENT_REF, BANK_STATEMENT.FORMAT, BANK_STATEMENT.CURRENCY,
                        BANK_STATEMENT.OPENING_BALANCE, BANK_STATEMENT.CLOSING_BALANCE, BANK_STATEMENT.ENTRIES,
                        BANK_STATEMENT.IMPORTED_BY, BANK_STATEMENT.IMPORTED_AT)
                .from(BANK_STATEMENT).orderBy(BANK_STATEMENT.ID).fetchMaps();
    }
}
