package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.REVALUATION;
import static org.unaoc.trustfund.db.Tables.TRANCHE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * Period-end work on receivables: revaluation of foreign-currency balances at the closing rate
 * (R6: cash in foreign currency, receivables per tranche, conditional contributions per
 * agreement; the difference to 7820, carried forward; the allowance against a receivable in its
 * currency (R17), re-measured with it against 6500 so that R7 holds), and the move of tranches that come within
 * 12 months from non-current to current (R2).
 */
@Service
public class Revaluations {

    static final String UNREALISED = "7820";

    private final DSLContext db;
    private final ExchangeRates rates;
    private final Journal journal;

    Revaluations(DSLContext db, ExchangeRates rates, Journal journal) {
        this.db = db;
        this.rates = rates;
        this.journal = journal;
    }

    public record Result(LocalDate asOf, @Nullable Long entry, int lines, BigDecimal unrealisedGain) {
    }

    @Transactional
    public Result revalue(LocalDate asOf, String user) {
        List<NewLine> lines = new ArrayList<>();
        BigDecimal gain = BigDecimal.ZERO;
        Field<String> code = ACCOUNT.CODE;
        var balances = db.select(code, JOURNAL_LINE.CURRENCY, JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID,
                        JOURNAL_LINE.TRANCHE_NO, DSL.sum(JOURNAL_LINE.AMOUNT_USD), DSL.sum(JOURNAL_LINE.ORIGINAL_AMOUNT))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .and(JOURNAL_LINE.CURRENCY.isNotNull()).and(JOURNAL_LINE.CURRENCY.ne("USD"))
                .and(code.in(Agreements.CURRENT, Agreements.NON_CURRENT, WriteOffs.ALLOWANCE, ReceiptPlan.CONDITIONAL)
                        .or(ACCOUNT.CURRENCY.isNotNull().and(ACCOUNT.CURRENCY.ne("USD"))))
                .groupBy(code, JOURNAL_LINE.CURRENCY, JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID,
                        JOURNAL_LINE.TRANCHE_NO)
                .orderBy(code, JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO)
                .fetch();
        for (var balance : balances) {
            String currency = balance.value2().trim();
            Rate rate = rates.on(currency, asOf);
            BigDecimal revalued = rate.toUsd(balance.value7());
            BigDecimal difference = revalued.subtract(balance.value6());
            if (difference.signum() == 0) {
                continue;
            }
            Dimensions dimensions = new Dimensions(balance.value3(), balance.value4(), balance.value5(), null, null);
            lines.add(new NewLine(balance.value1(), difference, new Money(BigDecimal.ZERO, currency), rate.unitsPerUsd(),
                    rate.effectiveFrom(), dimensions));
            if (balance.value1().equals(WriteOffs.ALLOWANCE)) {
                // the allowance follows the receivable it impairs: its re-measurement is impairment, not exchange (R7, R14)
                lines.add(new NewLine(WriteOffs.IMPAIRMENT, difference.negate(), null, null, null, dimensions));
                continue;
            }
            lines.add(new NewLine(UNREALISED, difference.negate(), null, null, null, dimensions));
            // signed balances (debit positive): a rise is a gain on an asset and a loss on a liability alike
            gain = gain.add(difference);
        }
        List<UnappliedChange> unapplied = unappliedCash(asOf);
        for (UnappliedChange change : unapplied) {
            // 2190 is a liability: its balance is a credit, so a rise in the USD owed is a credit and a loss
            Dimensions dimensions = new Dimensions(change.contributor(), null, null, null, null);
            lines.add(new NewLine(ReceiptPlan.UNAPPLIED, change.increase().negate(), new Money(BigDecimal.ZERO, change.rate().currency()),
                    change.rate().unitsPerUsd(), change.rate().effectiveFrom(), dimensions));
            lines.add(new NewLine(UNREALISED, change.increase(), null, null, null, dimensions));
            gain = gain.subtract(change.increase());
        }
        Long entry = lines.isEmpty() ? null : journal.post(new NewEntry(asOf, EntryType.REVALUATION,
                "Revaluation of foreign-currency balances at the rates of " + asOf, lines, null, user, null, null));
        for (UnappliedChange change : unapplied) {
            db.insertInto(RECEIPT_APPLICATION).set(RECEIPT_APPLICATION.RECEIPT_ID, change.receipt())
                    .set(RECEIPT_APPLICATION.KIND, "REVALUATION").set(RECEIPT_APPLICATION.CONTRIBUTOR, change.contributor())
                    .set(RECEIPT_APPLICATION.AMOUNT, BigDecimal.ZERO).set(RECEIPT_APPLICATION.USD_VALUE, change.increase())
                    .set(RECEIPT_APPLICATION.ENTRY_ID, entry).set(RECEIPT_APPLICATION.APPLIED_ON, asOf).execute();
        }
        db.insertInto(REVALUATION).set(REVALUATION.AS_OF, asOf).set(REVALUATION.ENTRY_ID, entry)
                .set(REVALUATION.CREATED_BY, user).execute();
        return new Result(asOf, entry, lines.size(), gain);
    }

    /** The USD a receipt's unapplied foreign cash is carried at rises by {@code increase} at the closing rate. */
    private record UnappliedChange(long receipt, @Nullable String contributor, Rate rate, BigDecimal increase) {
    }

    /**
     * Unapplied cash (2190) held in a foreign currency, receipt by receipt: what is left of it on
     * the date and the USD it is carried at (its receipt's value, applications and revaluations).
     */
    private List<UnappliedChange> unappliedCash(LocalDate asOf) {
        var carried = db.select(RECEIPT.ID, RECEIPT.CONTRIBUTOR, RECEIPT.CURRENCY,
                        DSL.sum(RECEIPT_APPLICATION.AMOUNT), DSL.sum(RECEIPT_APPLICATION.USD_VALUE))
                .from(RECEIPT_APPLICATION).join(RECEIPT).on(RECEIPT.ID.eq(RECEIPT_APPLICATION.RECEIPT_ID))
                .where(RECEIPT_APPLICATION.KIND.in("UNAPPLIED", "REVALUATION")).and(Received.standingBy(asOf))
                .and(RECEIPT_APPLICATION.APPLIED_ON.le(asOf)).and(RECEIPT.CURRENCY.ne("USD"))
                .groupBy(RECEIPT.ID, RECEIPT.CONTRIBUTOR, RECEIPT.CURRENCY)
                .having(DSL.sum(RECEIPT_APPLICATION.AMOUNT).ne(BigDecimal.ZERO))
                .orderBy(RECEIPT.ID)
                .fetch();
        List<UnappliedChange> changes = new ArrayList<>();
        for (var row : carried) {
            Rate rate = rates.on(row.value3().trim(), asOf);
            BigDecimal increase = rate.toUsd(row.value4()).subtract(row.value5());
            if (increase.signum() != 0) {
                changes.add(new UnappliedChange(row.value1(), row.value2(), rate, increase));
            }
        }
        return changes;
    }

    /** Tranches due within 12 months of the date move from 1220 to 1210 at their carrying amount. */
    @Transactional
    public Result reclassify(LocalDate asOf, String user) {
        List<NewLine> lines = new ArrayList<>();
        BigDecimal moved = BigDecimal.ZERO;
        var rows = db.select(JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO,
                        JOURNAL_LINE.CURRENCY, DSL.sum(JOURNAL_LINE.AMOUNT_USD), DSL.sum(JOURNAL_LINE.ORIGINAL_AMOUNT))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(TRANCHE).on(TRANCHE.AGREEMENT_ID.eq(JOURNAL_LINE.AGREEMENT_ID)).and(TRANCHE.TRANCHE_NO.eq(JOURNAL_LINE.TRANCHE_NO))
                .where(ACCOUNT.CODE.eq(Agreements.NON_CURRENT)).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .and(TRANCHE.DUE_ON.le(asOf.plusMonths(12)))
                .groupBy(JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO, JOURNAL_LINE.CURRENCY)
                .having(DSL.sum(JOURNAL_LINE.AMOUNT_USD).ne(BigDecimal.ZERO))
                .orderBy(JOURNAL_LINE.AGREEMENT_ID, JOURNAL_LINE.TRANCHE_NO)
                .fetch();
        for (var row : rows) {
            Dimensions dimensions = new Dimensions(row.value1(), row.value2(), row.value3(), null, null);
            BigDecimal usd = row.value5();
            NewLine current = NewLine.debit(Agreements.CURRENT, usd).withDimensions(dimensions);
            NewLine nonCurrent = NewLine.credit(Agreements.NON_CURRENT, usd).withDimensions(dimensions);
            if (row.value4() != null && !row.value4().trim().equals("USD")) {
                Money original = new Money(row.value6(), row.value4().trim());
                current = current.withOriginal(original, null, null);
                nonCurrent = nonCurrent.withOriginal(original.negate(), null, null);
            }
            lines.add(current);
            lines.add(nonCurrent);
            moved = moved.add(usd);
        }
        if (lines.stream().anyMatch(line -> line.usd().signum() == 0)) {
            throw Problem.invalid("A non-current receivable carries no USD; revalue it first.");
        }
        Long entry = lines.isEmpty() ? null : journal.post(new NewEntry(asOf, EntryType.RECLASSIFICATION,
                "Receivables due by " + asOf.plusMonths(12) + " moved to current", lines, null, user, null, null));
        return new Result(asOf, entry, lines.size(), moved);
    }
}
