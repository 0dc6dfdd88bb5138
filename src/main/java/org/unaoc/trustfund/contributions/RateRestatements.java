package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.currency.RateRestatement;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntriesPosted;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.system.Problem;

/**
 * R16 for a rate corrected or published late: the entries that converted the currency on its
 * dates at another rate are brought to the books date order at the corrected rate gives.
 * <ul>
 * <li>a recognition (Dr 1210/1220, Cr 4100): the receivable and the revenue by the difference;</li>
 * <li>a receipt into the account holding the currency, settling one tranche: the cash and the
 * realised difference (7810), and the USD received on the tranche with them;</li>
 * <li>a revaluation: valued again at the corrected rate by the walk of what it revalued.</li>
 * </ul>
 * The settlements and revaluations that follow are restated by {@link CarryingAmounts}, as for any
 * posting. Anything else (a refund, a transfer, conditional cash, a receipt split between tranches)
 * is refused, naming the entries: reverse them, correct the rate, and record them again. Each
 * adjustment is dated on its entry's date, or on the first open day when that month is closed.
 */
@Service
class RateRestatements implements RateRestatement {

    private static final Set<String> RESTATED = Set.of(EntryType.AGREEMENT.name(), EntryType.RECEIPT.name(),
            EntryType.REVALUATION.name());

    /** One line converted at another rate, and what it belongs to. */
    private record Used(long entry, EntryType type, LocalDate date, String account, @Nullable String accountCurrency,
                        BigDecimal usd, BigDecimal original, Dimensions dimensions) {
    }

    /** A receipt's cash restated: the tranche it settled, which adjustment, by how much, on which day. */
    private record Received(org.unaoc.trustfund.db.tables.records.ReceiptApplicationRecord tranche, int adjustment,
                            BigDecimal difference, LocalDate on) {
    }

    private final DSLContext db;
    private final ExchangeRates rates;
    private final Journal journal;
    private final Periods periods;
    private final CarryingAmounts carrying;

    RateRestatements(DSLContext db, ExchangeRates rates, Journal journal, Periods periods, CarryingAmounts carrying) {
        this.db = db;
        this.rates = rates;
        this.journal = journal;
        this.periods = periods;
        this.carrying = carrying;
    }

    @Override
    public void check(Corrected corrected) {
        List<Long> refused = new ArrayList<>();
        for (Used line : used(corrected)) {
            if (!restatable(line)) {
                refused.add(line.entry());
            }
        }
        if (!refused.isEmpty()) {
            List<Long> named = refused.stream().distinct().toList();
            throw Problem.conflict("rate-correction-unsupported", "Entries the correction cannot adjust",
                            "Entries " + (named.size() > 20 ? named.subList(0, 20) + " and more" : named) + " converted "
                                    + corrected.currency() + " on the dates the corrected rate governs in a way it does not "
                                    + "adjust (refunds, transfers, conditional cash, a receipt split between tranches). "
                                    + "Reverse them, correct the rate, and record them again. Nothing was changed.")
                    .with("entries", named.size() > 50 ? named.subList(0, 50) : named);
        }
    }

    @Override
    public void restate(Corrected corrected, String user) {
        LocalDate firstOpen = periods.firstOpenDay();
        List<NewEntry> adjustments = new ArrayList<>();
        List<Long> revaluations = new ArrayList<>();
        List<Received> received = new ArrayList<>();
        for (Used line : used(corrected)) {
            if (line.type() == EntryType.REVALUATION) {
                revaluations.add(line.entry());
                continue;
            }
            Rate rate = rates.on(corrected.currency(), line.date());
            BigDecimal difference = rate.toUsd(line.original()).subtract(line.usd());
            if (difference.signum() == 0) {
                continue;
            }
            LocalDate on = line.date().isBefore(firstOpen) ? firstOpen : line.date();
            Dimensions dimensions = line.dimensions();
            String counter = Agreements.REVENUE;
            if (line.type() == EntryType.RECEIPT) {
                var tranche = tranche(line.entry());
                dimensions = new Dimensions(tranche.getContributor(), tranche.getAgreementId(), tranche.getTrancheNo(), null, null);
                counter = ReceiptPlan.REALISED;
                received.add(new Received(tranche, adjustments.size(), difference, on));
            }
            adjustments.add(new NewEntry(on, EntryType.RATE_CORRECTION, "Entry " + line.entry() + " at the corrected "
                    + corrected.currency() + " rate " + rate.unitsPerUsd().toPlainString() + " of " + line.date() + " (R16)",
                    List.of(new NewLine(line.account(), difference, new Money(BigDecimal.ZERO, corrected.currency()), null, null,
                                    line.type() == EntryType.RECEIPT ? Dimensions.NONE : line.dimensions()),
                            new NewLine(counter, difference.negate(), null, null, null, dimensions)), null, user, null, null));
        }
        List<Long> posted = adjustments.isEmpty() ? List.of() : journal.postAll(adjustments);
        for (Received receipt : received) {
            var tranche = receipt.tranche();
            // the USD received on the tranche moves with the cash (R7)
            db.insertInto(RECEIPT_APPLICATION).set(RECEIPT_APPLICATION.RECEIPT_ID, tranche.getReceiptId())
                    .set(RECEIPT_APPLICATION.KIND, "TRANCHE").set(RECEIPT_APPLICATION.AGREEMENT_ID, tranche.getAgreementId())
                    .set(RECEIPT_APPLICATION.TRANCHE_NO, tranche.getTrancheNo()).set(RECEIPT_APPLICATION.CONTRIBUTOR, tranche.getContributor())
                    .set(RECEIPT_APPLICATION.AMOUNT, BigDecimal.ZERO).set(RECEIPT_APPLICATION.USD_VALUE, receipt.difference())
                    .set(RECEIPT_APPLICATION.ENTRY_ID, posted.get(receipt.adjustment())).set(RECEIPT_APPLICATION.APPLIED_ON, receipt.on())
                    .execute();
        }
        if (!revaluations.isEmpty()) {
            // what each revaluation revalued, valued again at the corrected rate
            carrying.posted(new EntriesPosted(revaluations.stream().distinct().toList()));
        }
    }

    /** The lines converted on the corrected rate's dates at another rate, with an amount in the currency or a revaluation's. */
    private List<Used> used(Corrected corrected) {
        List<Long> entries = rates.entriesUsingAnother(corrected);
        if (entries.isEmpty()) {
            return List.of();
        }
        return db.select(JOURNAL_LINE.ENTRY_ID, JOURNAL_ENTRY.TYPE, JOURNAL_LINE.ENTRY_DATE, ACCOUNT.CODE, ACCOUNT.CURRENCY,
                        JOURNAL_LINE.AMOUNT_USD, JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.CONTRIBUTOR, JOURNAL_LINE.AGREEMENT_ID,
                        JOURNAL_LINE.TRANCHE_NO, JOURNAL_LINE.COMPONENT, JOURNAL_LINE.OBJECT_CLASS)
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_LINE.ENTRY_ID.in(entries)).and(JOURNAL_LINE.CURRENCY.eq(corrected.currency()))
                .and(JOURNAL_LINE.RATE.isNotNull()).and(JOURNAL_LINE.RATE.ne(corrected.rate()))
                .orderBy(JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .fetch(r -> new Used(r.value1(), EntryType.valueOf(r.value2()), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), new Dimensions(r.value8(), r.value9(), r.value10(), r.value11(), r.value12())));
    }

    private boolean restatable(Used line) {
        if (!RESTATED.contains(line.type().name())) {
            return false;
        }
        return switch (line.type()) {
            case AGREEMENT -> line.account().equals(Agreements.CURRENT) || line.account().equals(Agreements.NON_CURRENT);
            case RECEIPT -> line.accountCurrency() != null && db.fetchCount(RECEIPT_APPLICATION,
                    RECEIPT_APPLICATION.ENTRY_ID.eq(line.entry())) == 1 && db.fetchExists(RECEIPT_APPLICATION,
                    RECEIPT_APPLICATION.ENTRY_ID.eq(line.entry()).and(RECEIPT_APPLICATION.KIND.eq("TRANCHE")));
            case REVALUATION -> !line.account().equals(ReceiptPlan.CONDITIONAL);
            default -> false;
        };
    }

    private org.unaoc.trustfund.db.tables.records.ReceiptApplicationRecord tranche(long receiptEntry) {
        return db.selectFrom(RECEIPT_APPLICATION).where(RECEIPT_APPLICATION.ENTRY_ID.eq(receiptEntry))
                .and(RECEIPT_APPLICATION.KIND.eq("TRANCHE")).orderBy(RECEIPT_APPLICATION.ID).limit(1).fetchSingle();
    }
}
