package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.BANK_STATEMENT;
import static org.unaoc.trustfund.db.Tables.BANK_STATEMENT_LINE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.system.Problem;

/**
 * The bank reconciliation of a bank account (#17 item 4): on the date of the last bank statement
 * imported up to the as-of date, the ledger balance in the account's own currency against the
 * statement's closing balance (CLBD), and the items that explain the difference. Each statement
 * entry is matched to a journal entry: a credit by its bank reference to the receipt booked under
 * it; any other entry (debits: charges, payments; credits booked by hand) to an unmatched journal
 * entry of the same amount within {@value #DAYS} days, the nearest first. What is left on either
 * side is an item; what the items do not explain is {@code unexplained}, and zero when the books and
 * the bank agree.
 */
@Service
public class BankReconciliations {

    /** How far apart the bank's booking date and the journal's date of one payment may be. */
    static final int DAYS = 10;

    public record Item(LocalDate date, BigDecimal amount, String description, @Nullable Long entry, @Nullable String reference) {
    }

    public record Reconciliation(String account, String currency, LocalDate asOf, String statement, LocalDate statementDate,
                                 BigDecimal statementClosingBalance, BigDecimal ledgerBalance,
                                 BigDecimal openingDifference, List<Item> inTheBooksNotOnTheStatement,
                                 List<Item> onTheStatementNotInTheBooks, BigDecimal unexplained, boolean reconciled) {
    }

    private record Booked(long entry, LocalDate date, BigDecimal amount, String description) {
    }

    private record BankLine(LocalDate date, BigDecimal amount, String reference, @Nullable String counterparty,
                            @Nullable String remittance) {
    }

    private final DSLContext db;
    private final ChartOfAccounts chart;

    BankReconciliations(DSLContext db, ChartOfAccounts chart) {
        this.db = db;
        this.chart = chart;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Reconciliation of(String code, LocalDate asOf) {
        Account account = chart.bankAccounts().stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> Problem.notFound("The bank account " + code));
        var lineDate = DSL.max(BANK_STATEMENT_LINE.BOOKED_ON);
        var statements = db.select(BANK_STATEMENT.ID, BANK_STATEMENT.STATEMENT_REF, BANK_STATEMENT.OPENING_BALANCE,
                        BANK_STATEMENT.CLOSING_BALANCE, BANK_STATEMENT.FROM_DATE,
                        DSL.coalesce(BANK_STATEMENT.TO_DATE, lineDate).as("ends_on"), DSL.min(BANK_STATEMENT_LINE.BOOKED_ON))
                .from(BANK_STATEMENT).leftJoin(BANK_STATEMENT_LINE).on(BANK_STATEMENT_LINE.STATEMENT_ID.eq(BANK_STATEMENT.ID))
                .where(BANK_STATEMENT.ACCOUNT_ID.eq(account.id()))
                .groupBy(BANK_STATEMENT.ID).orderBy(BANK_STATEMENT.ID).fetch();
        List<org.jooq.Record7<Long, String, BigDecimal, BigDecimal, LocalDate, LocalDate, LocalDate>> upTo = statements.stream().filter(s -> s.get("ends_on", LocalDate.class) != null
                && !s.get("ends_on", LocalDate.class).isAfter(asOf)).toList();
        if (upTo.isEmpty()) {
            throw Problem.notFound("A bank statement of account " + code + " ending on or before " + asOf
                    + " (import one with POST /api/bank-statements)");
        }
        // statements imported before their entries were kept (V016) cannot be matched: begin after the last of them
        Set<Long> withLines = new HashSet<>(db.selectDistinct(BANK_STATEMENT_LINE.STATEMENT_ID).from(BANK_STATEMENT_LINE)
                .where(BANK_STATEMENT_LINE.STATEMENT_ID.in(upTo.stream().map(r -> r.value1()).toList()))
                .fetch(BANK_STATEMENT_LINE.STATEMENT_ID));
        int begin = 0;
        for (int i = 0; i < upTo.size(); i++) {
            boolean unkept = !withLines.contains(upTo.get(i).value1()) && upTo.get(i).value3().compareTo(upTo.get(i).value4()) != 0;
            if (unkept) {
                begin = i + 1;
            }
        }
        if (begin == upTo.size()) {
            throw Problem.conflict("statement-entries-not-kept", "Statement entries not kept",
                    "The last statement of account " + code + " up to " + asOf + " was imported before its entries were kept;"
                            + " import the next one to reconcile from it.");
        }
        upTo = upTo.subList(begin, upTo.size());
        var first = upTo.getFirst();
        var last = upTo.getLast();
        LocalDate statementDate = last.get("ends_on", LocalDate.class);
        LocalDate firstDay = first.value5() != null ? first.value5() : first.value7() != null ? first.value7() : statementDate;
        List<Long> statementIds = upTo.stream().map(r -> r.value1()).toList();

        BigDecimal before = ledgerBalance(account, firstDay.minusDays(1));
        BigDecimal ledger = ledgerBalance(account, statementDate);
        BigDecimal openingDifference = first.value3().subtract(before);
        List<Booked> booked = booked(account, firstDay, statementDate);
        List<BankLine> bank = db.select(BANK_STATEMENT_LINE.BOOKED_ON, BANK_STATEMENT_LINE.AMOUNT, BANK_STATEMENT_LINE.REFERENCE,
                        BANK_STATEMENT_LINE.COUNTERPARTY, BANK_STATEMENT_LINE.REMITTANCE)
                .from(BANK_STATEMENT_LINE).where(BANK_STATEMENT_LINE.STATEMENT_ID.in(statementIds))
                .orderBy(BANK_STATEMENT_LINE.BOOKED_ON, BANK_STATEMENT_LINE.ID)
                .fetch(r -> new BankLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));

        Map<Long, Booked> bookedById = new HashMap<>();
        booked.forEach(b -> bookedById.put(b.entry(), b));
        Map<String, Long> receiptEntries = new HashMap<>();
        db.select(RECEIPT.BANK_REFERENCE, RECEIPT.ENTRY_ID).from(RECEIPT).where(RECEIPT.BANK_ACCOUNT_ID.eq(account.id()))
                .forEach(r -> receiptEntries.put(r.value1(), r.value2()));
        Set<Long> matched = new HashSet<>();
        List<BankLine> unmatched = new ArrayList<>();
        for (BankLine line : bank) {
            Long entry = line.amount().signum() > 0 ? receiptEntries.get(line.reference()) : null;
            Booked receipt = entry == null ? null : bookedById.get(entry);
            // a reference names its receipt only if the amounts agree: otherwise both sides stay items, named
            if (receipt != null && receipt.amount().compareTo(line.amount()) == 0 && matched.add(entry)) {
                continue;
            }
            unmatched.add(line);
        }
        List<Item> onTheStatement = new ArrayList<>();
        for (BankLine line : unmatched) {
            Booked pair = booked.stream().filter(b -> !matched.contains(b.entry()) && b.amount().compareTo(line.amount()) == 0
                            && Math.abs(ChronoUnit.DAYS.between(b.date(), line.date())) <= DAYS)
                    .min(Comparator.comparingLong((Booked b) -> Math.abs(ChronoUnit.DAYS.between(b.date(), line.date())))
                            .thenComparingLong(Booked::entry))
                    .orElse(null);
            if (pair != null) {
                matched.add(pair.entry());
            } else {
                String said = line.counterparty() != null ? line.counterparty() : line.remittance() != null ? line.remittance() : "";
                onTheStatement.add(new Item(line.date(), line.amount(), (line.amount().signum() < 0 ? "Debited by the bank" : "Credited by the bank")
                        + (said.isBlank() ? "" : ": " + said), null, line.reference()));
            }
        }
        List<Item> inTheBooks = booked.stream().filter(b -> !matched.contains(b.entry()))
                .map(b -> new Item(b.date(), b.amount(), b.description(), b.entry(), null)).toList();
        BigDecimal explained = openingDifference.add(sum(onTheStatement)).subtract(sum(inTheBooks));
        BigDecimal unexplained = last.value4().subtract(ledger).subtract(explained);
        return new Reconciliation(code, account.currency(), asOf, last.value2(), statementDate, last.value4(), ledger,
                openingDifference, inTheBooks, onTheStatement, unexplained,
                unexplained.signum() == 0 && inTheBooks.isEmpty() && onTheStatement.isEmpty() && openingDifference.signum() == 0);
    }

    /** The account's balance in its own currency at the end of the date. */
    private BigDecimal ledgerBalance(Account account, LocalDate on) {
        return db.select(DSL.coalesce(DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD)), BigDecimal.ZERO))
                .from(JOURNAL_LINE).where(JOURNAL_LINE.ACCOUNT_ID.eq(account.id())).and(JOURNAL_LINE.ENTRY_DATE.le(on))
                .fetchSingle().value1();
    }

    /** The journal entries that moved the account's currency from–to, one amount each (a revaluation moves none). */
    private List<Booked> booked(Account account, LocalDate from, LocalDate to) {
        var amount = DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD));
        return db.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, amount, JOURNAL_ENTRY.DESCRIPTION)
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_LINE.ACCOUNT_ID.eq(account.id())).and(JOURNAL_LINE.ENTRY_DATE.between(from, to))
                .groupBy(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.DESCRIPTION)
                .having(amount.ne(BigDecimal.ZERO)).orderBy(JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.ID)
                .fetch(r -> new Booked(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static BigDecimal sum(List<Item> items) {
        return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
