package org.unaoc.trustfund.demo;

import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.contributions.BankStatements;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;

/**
 * The bank statements of the demo: what the banks would have sent for each bank account, month by
 * month, once the demo's books are written. Each receipt is on the statement under the bank reference
 * it was booked with, each payment as a debit on its day; the statements are imported as a finance
 * officer imports them (CSV), so that the demo's bank reconciliations come out with nothing unexplained.
 */
@Component
class DemoBankStatements {

    private static final String WHO = "finance";

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final BankStatements statements;

    DemoBankStatements(DSLContext db, ChartOfAccounts chart, BankStatements statements) {
        this.db = db;
        this.chart = chart;
        this.statements = statements;
    }

    void load(YearMonth first, YearMonth last) {
        for (Account account : chart.bankAccounts()) {
            BigDecimal balance = BigDecimal.ZERO.setScale(2);
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                StringBuilder csv = new StringBuilder("bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance\n");
                BigDecimal closing = balance;
                int lines = 0;
                for (var entry : movements(account, month).entrySet()) {
                    BigDecimal amount = entry.getValue().amount();
                    closing = closing.add(amount);
                    csv.append(entry.getValue().date()).append(',').append(amount.signum() > 0 ? "CRDT" : "DBIT").append(',')
                            .append(amount.abs().setScale(2).toPlainString()).append(',').append(account.currency()).append(',')
                            .append(entry.getValue().reference()).append(",,,\n");
                    lines++;
                }
                if (lines > 0) {
                    BankStatements.Imported imported = statements.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8),
                            new BankStatements.CsvParameters(account.code(), account.code() + "-" + month, balance, closing), WHO);
                    if (imported.receiptsCreated() != 0) {
                        throw new IllegalStateException("the demo's statement " + imported.reference() + " holds a credit the books "
                                + "do not: " + imported.message());
                    }
                }
                balance = closing;
            }
        }
    }

    private record Movement(LocalDate date, BigDecimal amount, String reference) {
    }

    /** The entries that moved the account's currency in the month, each under its receipt's bank reference or its own. */
    private Map<Long, Movement> movements(Account account, YearMonth month) {
        Map<Long, String> references = new HashMap<>();
        db.select(RECEIPT.ENTRY_ID, RECEIPT.BANK_REFERENCE).from(RECEIPT).where(RECEIPT.BANK_ACCOUNT_ID.eq(account.id()))
                .forEach(r -> references.put(r.value1(), r.value2()));
        var amount = DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD));
        Map<Long, Movement> movements = new java.util.LinkedHashMap<>();
        db.select(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE, amount).from(JOURNAL_LINE)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_LINE.ACCOUNT_ID.eq(account.id()))
                .and(JOURNAL_LINE.ENTRY_DATE.between(month.atDay(1), month.atEndOfMonth()))
                .groupBy(JOURNAL_ENTRY.ID, JOURNAL_ENTRY.ENTRY_DATE).having(amount.ne(BigDecimal.ZERO))
                .orderBy(JOURNAL_ENTRY.ENTRY_DATE, JOURNAL_ENTRY.ID)
                .forEach(r -> movements.put(r.value1(), new Movement(r.value2(), r.value3(),
                        references.getOrDefault(r.value1(), "PAY-" + r.value1()))));
        return movements;
    }
}
